package org.mtrl.core.assembly;

import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.core.config.ComponentConfig;

/**
 * An architecture plugin's model as the rest of the run sees it: whatever its gradient or feature code
 * throws (an index past an array, a stack overflow, an attempt to end the process) fails the run naming
 * the model's plugin, not the optimizer or probe that called it. The arrays are the plugin's own, so
 * updates in place reach it; the checks cost one try block per chunk of samples.
 */
final class CheckedModel implements Model {
    private final ComponentConfig<Architecture> slot;
    private final Model model;

    CheckedModel(ComponentConfig<Architecture> slot, Model model) {
        this.slot = slot;
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
        try {
            model.features(x, n, out);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw failed("features()", e);
        }
    }

    @Override
    public Model withFirstLayer(Matrix firstLayer, double[] bias) {
        Model other = Contracts.call(slot, "withFirstLayer()", () -> model.withFirstLayer(firstLayer, bias));
        Contracts.require(slot, other != null, () -> "withFirstLayer() returned no model (null)");
        return new CheckedModel(slot, other);
    }

    @Override
    public Set<GradientPart> gradientParts() {
        return Contracts.call(slot, "gradientParts()", model::gradientParts);
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        GradientAccumulator accumulator = Contracts.call(slot, "newAccumulator()", () -> model.newAccumulator(parts));
        Contracts.require(slot, accumulator != null, () -> "newAccumulator() returned no accumulator (null)");
        return new Checked(accumulator);
    }

    private RunFailedException failed(String what, Throwable e) {
        if (e instanceof RunFailedException named) {
            return named; // already names the component at fault
        }
        return Contracts.failure(slot, what + " failed: " + Contracts.describe(e), e);
    }

    /** The model's accumulator, its failures named as the model's. */
    private final class Checked implements GradientAccumulator {
        private final GradientAccumulator accumulator;

        Checked(GradientAccumulator accumulator) {
            this.accumulator = accumulator;
        }

        @Override
        public void reset() {
            try {
                accumulator.reset();
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw failed("the gradient's reset()", e);
            }
        }

        @Override
        public double add(int task, Batch batch, double scale) {
            try {
                return accumulator.add(task, batch, scale);
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw failed("the gradient's add()", e);
            }
        }

        @Override
        public double[] head() {
            return accumulator.head();
        }

        @Override
        public double[] firstLayer() {
            return accumulator.firstLayer();
        }

        @Override
        public double[] bias() {
            return accumulator.bias();
        }

        @Override
        public double[] preActivationGram() {
            return accumulator.preActivationGram();
        }
    }
}
