package org.mtrl.plugins.relu;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;

/**
 * Sums loss gradients of a {@link TwoLayerReluModel} for one thread. For each sample it computes
 * z = W x + b, h = relu(z), f = a_t . h and g = scale * dl/df, then adds g h to the head gradient and
 * g a_{t,j} 1[z_j &gt; 0] (x, 1) to row j of the first-layer and bias gradients. Rows whose coefficient
 * is exactly zero (a dead unit, a zero head entry, a zero loss derivative) are skipped, which also
 * makes the first-layer and bias gradients exactly zero when the head is zero.
 *
 * <p>Samples are processed one at a time so W stays in cache; the scratch space is two vectors of
 * length m allocated here, so {@link #add} never allocates whatever the batch capacity. The gradient
 * arrays returned by the accessors are this accumulator's live buffers.
 */
final class TwoLayerReluAccumulator implements GradientAccumulator {
    private final TwoLayerReluModel model;
    private final Set<GradientPart> parts;
    private final double[] headGradient;
    private final double[] firstLayerGradient;
    private final double[] biasGradient;
    private final double[] preActivation;
    private final double[] hidden;

    TwoLayerReluAccumulator(TwoLayerReluModel model, Set<GradientPart> parts) {
        this.model = model;
        this.parts = parts.isEmpty() ? EnumSet.noneOf(GradientPart.class) : EnumSet.copyOf(parts);
        int m = model.width();
        int d = model.inputDim();
        this.headGradient = this.parts.contains(GradientPart.HEAD) ? new double[m] : null;
        this.firstLayerGradient = this.parts.contains(GradientPart.FIRST_LAYER)
                ? new double[Math.multiplyExact(m, d)] : null;
        this.biasGradient = this.parts.contains(GradientPart.BIAS) ? new double[m] : null;
        this.preActivation = new double[m];
        this.hidden = new double[m];
    }

    @Override
    public void reset() {
        zero(headGradient);
        zero(firstLayerGradient);
        zero(biasGradient);
    }

    private static void zero(double[] gradient) {
        if (gradient != null) {
            Arrays.fill(gradient, 0.0);
        }
    }

    @Override
    public double add(int task, Batch batch, double scale) {
        int d = model.inputDim();
        int m = model.width();
        if (task < 0 || task >= model.taskCount()) {
            throw new IllegalArgumentException("task " + task + " is not in [0, " + model.taskCount() + ")");
        }
        if (batch.dim() != d) {
            throw new IllegalArgumentException("batch dimension " + batch.dim() + " differs from the model's " + d);
        }
        double[] w = model.firstLayer().data();
        double[] b = model.bias();
        double[] a = model.heads().data();
        int headOffset = task * m;
        Loss loss = model.loss();
        double[] x = batch.x();
        double[] y = batch.y();
        boolean backpropagate = firstLayerGradient != null || biasGradient != null;
        double totalLoss = 0;

        for (int s = 0, n = batch.size(); s < n; s++) {
            int xo = s * d;
            double f = 0;
            for (int j = 0; j < m; j++) {
                double z = b[j] + Kernels.dot(w, j * d, x, xo, d);
                double h = z > 0 ? z : 0.0;
                preActivation[j] = z;
                hidden[j] = h;
                f += a[headOffset + j] * h;
            }
            totalLoss += loss.value(y[s], f);
            double g = scale * loss.derivative(y[s], f);
            if (g == 0) {
                continue; // nothing to add (hinge beyond the margin, or scale 0)
            }
            if (headGradient != null) {
                Kernels.axpy(g, hidden, 0, headGradient, 0, m);
            }
            if (backpropagate) {
                for (int j = 0; j < m; j++) {
                    double aj = a[headOffset + j];
                    if (aj == 0 || !(preActivation[j] > 0)) {
                        continue;
                    }
                    double coefficient = g * aj;
                    if (biasGradient != null) {
                        biasGradient[j] += coefficient;
                    }
                    if (firstLayerGradient != null) {
                        Kernels.axpy(coefficient, x, xo, firstLayerGradient, j * d, d);
                    }
                }
            }
        }
        return totalLoss;
    }

    @Override
    public double[] head() {
        return requested(headGradient, GradientPart.HEAD);
    }

    @Override
    public double[] firstLayer() {
        return requested(firstLayerGradient, GradientPart.FIRST_LAYER);
    }

    @Override
    public double[] bias() {
        return requested(biasGradient, GradientPart.BIAS);
    }

    private double[] requested(double[] gradient, GradientPart part) {
        if (gradient == null) {
            throw new IllegalStateException("the " + part + " gradient was not requested; this accumulator computes "
                    + parts);
        }
        return gradient;
    }
}
