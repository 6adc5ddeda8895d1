package org.mtrl.testkit;

import java.util.Set;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;

/** A model that forwards every call to another: a broken component overrides the one method it breaks. */
class ForwardingModel implements Model {
    final Model model;

    ForwardingModel(Model model) {
        this.model = model;
    }

    @Override
    public int inputDim() {
        return model.inputDim();
    }

    @Override
    public int width() {
        return model.width();
    }

    @Override
    public int taskCount() {
        return model.taskCount();
    }

    @Override
    public Matrix firstLayer() {
        return model.firstLayer();
    }

    @Override
    public double[] bias() {
        return model.bias();
    }

    @Override
    public Matrix heads() {
        return model.heads();
    }

    @Override
    public Loss loss() {
        return model.loss();
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        model.features(x, n, out);
    }

    @Override
    public Model withFirstLayer(Matrix firstLayer, double[] bias) {
        return model.withFirstLayer(firstLayer, bias);
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        return model.newAccumulator(parts);
    }

    @Override
    public Set<GradientPart> gradientParts() {
        return model.gradientParts();
    }
}
