package org.mtrl.api.training;

import java.util.Set;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;

/** A model that is only its parameters, W (m x d), b and the heads (T x m): training tests step them. */
final class ParametersModel implements Model {
    private final Matrix w;
    private final double[] b;
    private final Matrix heads;

    ParametersModel(int tasks, int width, int dim) {
        this.w = Matrix.zeros(width, dim);
        this.b = new double[width];
        this.heads = Matrix.zeros(tasks, width);
    }

    @Override
    public Matrix firstLayer() {
        return w;
    }

    @Override
    public double[] bias() {
        return b;
    }

    @Override
    public Matrix heads() {
        return heads;
    }

    @Override
    public Loss loss() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Model withFirstLayer(Matrix firstLayer, double[] bias) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        throw new UnsupportedOperationException();
    }
}
