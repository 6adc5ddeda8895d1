package org.mtrl.core.training;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.core.testing.ArrayModel;

/**
 * A linear network with the squared loss, f_t(x) = a_t^T (W x + b), for the engine's projected path: it
 * sees x only through W x, so it offers the pre-activation Gram. The gradient of a sample's loss with
 * respect to the pre-activations is c = l'(y, f) a_t; the first-layer gradient is c x^T.
 */
final class LinearModel extends ArrayModel {
    private static final Loss SQUARED = Losses.byName("squared");

    LinearModel(Matrix w, double[] b, Matrix heads) {
        super(w, b, heads);
    }

    @Override
    public Loss loss() {
        return SQUARED;
    }

    /** The pre-activations W x + b. */
    @Override
    public void features(double[] x, int n, double[] out) {
        int d = inputDim();
        int m = width();
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < m; j++) {
                double pre = bias()[j];
                for (int i = 0; i < d; i++) {
                    pre += firstLayer().get(j, i) * x[s * d + i];
                }
                out[s * m + j] = pre;
            }
        }
    }

    @Override
    public LinearModel withFirstLayer(Matrix firstLayer, double[] bias) {
        return new LinearModel(firstLayer, bias, heads().copy());
    }

    @Override
    public Set<GradientPart> gradientParts() {
        return EnumSet.allOf(GradientPart.class);
    }

    /** Every part is computed, but only the parts asked for may be read (as a model that saves the work). */
    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        int d = inputDim();
        int m = width();
        return new GradientAccumulator() {
            private final double[] head = new double[m];
            private final double[] first = new double[m * d];
            private final double[] bias = new double[m];
            private final double[] gram = new double[m * m];
            private final double[] pre = new double[m];
            private final double[] c = new double[m];

            @Override
            public void reset() {
                Arrays.fill(head, 0);
                Arrays.fill(first, 0);
                Arrays.fill(bias, 0);
                Arrays.fill(gram, 0);
            }

            @Override
            public double add(int task, Batch batch, double scale) {
                double loss = 0;
                for (int s = 0; s < batch.size(); s++) {
                    features(Arrays.copyOfRange(batch.x(), s * d, (s + 1) * d), 1, pre);
                    double f = 0;
                    for (int j = 0; j < m; j++) {
                        f += heads().get(task, j) * pre[j];
                    }
                    double y = batch.y()[s];
                    loss += SQUARED.value(y, f);
                    double g = scale * SQUARED.derivative(y, f);
                    for (int j = 0; j < m; j++) {
                        head[j] += g * pre[j];
                        c[j] = g * heads().get(task, j);
                        bias[j] += c[j];
                        for (int i = 0; i < d; i++) {
                            first[j * d + i] += c[j] * batch.x()[s * d + i];
                        }
                    }
                    for (int j = 0; j < m; j++) {
                        for (int l = 0; l < m; l++) {
                            gram[j * m + l] += c[j] * c[l];
                        }
                    }
                }
                return loss;
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
                return part(GradientPart.BIAS, bias);
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
        };
    }
}
