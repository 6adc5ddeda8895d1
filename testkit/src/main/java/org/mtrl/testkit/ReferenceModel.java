package org.mtrl.testkit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.RandomStream;

/**
 * The paper's network written as plain loops, slow and obvious: f_t(x) = sum_j a_{t,j} relu(w_j . x + b_j).
 * A probe or optimizer test trains or reads this model instead of stubbing {@link Model} by hand. It sees
 * x only through W x, so it offers every {@link GradientPart}, the pre-activation Gram included.
 */
public final class ReferenceModel implements Model {
    private final Matrix firstLayer;
    private final double[] bias;
    private final Matrix heads;
    private final Loss loss;

    /** Wraps the given parameters (not copied): W is m x d, b has m entries, the heads are T x m. */
    public ReferenceModel(Matrix firstLayer, double[] bias, Matrix heads, Loss loss) {
        if (bias.length != firstLayer.rows() || heads.cols() != firstLayer.rows()) {
            throw new IllegalArgumentException("W is " + firstLayer + ", b has " + bias.length + " entries, heads are "
                    + heads + ": they must agree on the width");
        }
        this.firstLayer = firstLayer;
        this.bias = bias;
        this.heads = heads;
        this.loss = loss;
    }

    /**
     * The architecture of reference models of {@code width} hidden units: W with N(0, 1/d) entries, biases
     * N(0, 1/4) and heads N(0, 1/m), drawn from the init stream alone.
     */
    public static Architecture architecture(int width, Loss loss) {
        return (inputDim, taskCount, init) -> {
            Matrix w = gaussian(width, inputDim, 1 / Math.sqrt(inputDim), init);
            double[] b = gaussian(1, width, 0.5, init).data();
            Matrix a = gaussian(taskCount, width, 1 / Math.sqrt(width), init);
            return new ReferenceModel(w, b, a, loss);
        };
    }

    private static Matrix gaussian(int rows, int cols, double scale, RandomStream rng) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = scale * rng.nextGaussian();
        }
        return m;
    }

    @Override
    public Matrix firstLayer() {
        return firstLayer;
    }

    @Override
    public double[] bias() {
        return bias;
    }

    @Override
    public Matrix heads() {
        return heads;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        int d = inputDim();
        int m = width();
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < m; j++) {
                double pre = bias[j];
                for (int i = 0; i < d; i++) {
                    pre += firstLayer.get(j, i) * x[k * d + i];
                }
                out[k * m + j] = Math.max(0, pre);
            }
        }
    }

    /** Any input dimension, as the api allows: projected sampling passes W Q, of inputs u = Q^T x. */
    @Override
    public Model withFirstLayer(Matrix newFirstLayer, double[] newBias) {
        if (newFirstLayer.rows() != width() || newBias.length != width()) {
            throw new IllegalArgumentException("expected W with " + width() + " rows and " + width()
                    + " biases, got " + newFirstLayer + " and " + newBias.length);
        }
        return new ReferenceModel(newFirstLayer, newBias, heads.copy(), loss);
    }

    @Override
    public Set<GradientPart> gradientParts() {
        return EnumSet.allOf(GradientPart.class);
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        return new Accumulator(parts.isEmpty() ? EnumSet.noneOf(GradientPart.class) : EnumSet.copyOf(parts));
    }

    /** Plain back-propagation, one sample at a time. */
    private final class Accumulator implements GradientAccumulator {
        private final Set<GradientPart> parts;
        private final double[] head = new double[width()];
        private final double[] first = new double[width() * inputDim()];
        private final double[] biasGradient = new double[width()];
        private final double[] gram = new double[width() * width()];
        private final double[] hidden = new double[width()];
        /** c, the gradient of one sample's scaled loss with respect to its pre-activations W x + b. */
        private final double[] back = new double[width()];

        Accumulator(Set<GradientPart> parts) {
            this.parts = parts;
        }

        @Override
        public void reset() {
            Arrays.fill(head, 0);
            Arrays.fill(first, 0);
            Arrays.fill(biasGradient, 0);
            Arrays.fill(gram, 0);
        }

        @Override
        public double add(int task, Batch batch, double scale) {
            int d = inputDim();
            int m = width();
            double total = 0;
            for (int k = 0; k < batch.size(); k++) {
                features(Arrays.copyOfRange(batch.x(), k * d, (k + 1) * d), 1, hidden);
                double f = 0;
                for (int j = 0; j < m; j++) {
                    f += heads.get(task, j) * hidden[j];
                }
                double y = batch.y()[k];
                total += loss.value(y, f);
                double g = scale * loss.derivative(y, f);
                for (int j = 0; j < m; j++) {
                    head[j] += g * hidden[j];
                    back[j] = hidden[j] > 0 ? g * heads.get(task, j) : 0;
                    biasGradient[j] += back[j];
                    for (int i = 0; i < d; i++) {
                        first[j * d + i] += back[j] * batch.x()[k * d + i];
                    }
                }
                if (parts.contains(GradientPart.PRE_ACTIVATION_GRAM)) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            gram[i * m + j] += back[i] * back[j];
                        }
                    }
                }
            }
            return total;
        }

        @Override
        public double[] head() {
            return part(GradientPart.HEAD, head);
        }

        @Override
        public double[] firstLayer() {
            return part(GradientPart.FIRST_LAYER, first);
        }

        @Override
        public double[] bias() {
            return part(GradientPart.BIAS, biasGradient);
        }

        @Override
        public double[] preActivationGram() {
            return part(GradientPart.PRE_ACTIVATION_GRAM, gram);
        }

        private double[] part(GradientPart part, double[] values) {
            if (!parts.contains(part)) {
                throw new IllegalStateException(part + " was not requested from this accumulator");
            }
            return values;
        }
    }
}
