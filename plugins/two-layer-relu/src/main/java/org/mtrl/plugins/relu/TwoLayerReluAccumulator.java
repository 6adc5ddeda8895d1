package org.mtrl.plugins.relu;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;

/**
 * Sums loss gradients of a {@link TwoLayerReluModel} for one thread, a whole batch at a time: the
 * pre-activations Z = X W^T + b of the batch are one blocked matrix product, then per sample h = relu(z),
 * f = a_t . h and g = scale * dl/df, g h is added to the head gradient, and the coefficients
 * c_{j,s} = g_s a_{t,j} 1[z_{s,j} &gt; 0] are gathered row by row so the first-layer gradient
 * G += C X is a second blocked product over the non-zero coefficients only (about half the units of a
 * sample are inactive). Zero coefficients (a dead unit, a zero head entry, a zero loss derivative) are
 * skipped, which also keeps the first-layer and bias gradients exactly zero when the head is zero.
 *
 * <p>The products run on the JVM's {@link ChunkKernels}; scratch buffers are sized by the largest batch
 * seen and reused, so {@link #add} allocates only when a batch larger than any before arrives. The
 * gradient arrays returned by the accessors are this accumulator's live buffers.
 */
final class TwoLayerReluAccumulator implements GradientAccumulator {
    private final TwoLayerReluModel model;
    private final ChunkKernels kernels;
    private final Set<GradientPart> parts;
    private final double[] headGradient;
    private final double[] firstLayerGradient;
    private final double[] biasGradient;
    private final double[] transposedFirstLayer;
    private final int[] rowStart;
    private double[] preActivation = new double[0];
    private double[] lossDerivative = new double[0];
    private int[] activeSample = new int[0];
    private double[] activeCoefficient = new double[0];

    TwoLayerReluAccumulator(TwoLayerReluModel model, Set<GradientPart> parts) {
        this(model, parts, ChunkKernels.selected());
    }

    TwoLayerReluAccumulator(TwoLayerReluModel model, Set<GradientPart> parts, ChunkKernels kernels) {
        this.model = model;
        this.kernels = kernels;
        this.parts = parts.isEmpty() ? EnumSet.noneOf(GradientPart.class) : EnumSet.copyOf(parts);
        int m = model.width();
        int d = model.inputDim();
        this.headGradient = this.parts.contains(GradientPart.HEAD) ? new double[m] : null;
        this.firstLayerGradient = this.parts.contains(GradientPart.FIRST_LAYER)
                ? new double[Math.multiplyExact(m, d)] : null;
        this.biasGradient = this.parts.contains(GradientPart.BIAS) ? new double[m] : null;
        this.transposedFirstLayer = new double[Math.multiplyExact(m, d)];
        this.rowStart = new int[m + 1];
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
        int n = batch.size();
        ensureCapacity(n, m);
        transpose(model.firstLayer().data(), m, d, transposedFirstLayer);
        kernels.forward(batch.x(), n, d, transposedFirstLayer, m, model.bias(), preActivation);

        double[] a = model.heads().data();
        int headOffset = task * m;
        Loss loss = model.loss();
        double[] y = batch.y();
        double totalLoss = 0;
        for (int s = 0; s < n; s++) {
            int zo = s * m;
            double f = 0;
            for (int j = 0; j < m; j++) {
                double z = preActivation[zo + j];
                f += a[headOffset + j] * (z > 0 ? z : 0.0);
            }
            totalLoss += loss.value(y[s], f);
            double g = scale * loss.derivative(y[s], f);
            lossDerivative[s] = g;
            if (headGradient != null && g != 0) {
                for (int j = 0; j < m; j++) {
                    double z = preActivation[zo + j];
                    headGradient[j] += g * (z > 0 ? z : 0.0);
                }
            }
        }
        if (firstLayerGradient != null || biasGradient != null) {
            gatherCoefficients(a, headOffset, n, m);
            if (firstLayerGradient != null) {
                kernels.backward(rowStart, activeSample, activeCoefficient, m, batch.x(), d, firstLayerGradient);
            }
        }
        return totalLoss;
    }

    /** Row j of C in compressed form (samples increasing), adding each row's sum to the bias gradient. */
    private void gatherCoefficients(double[] a, int headOffset, int n, int m) {
        int e = 0;
        for (int j = 0; j < m; j++) {
            rowStart[j] = e;
            double aj = a[headOffset + j];
            if (aj == 0) {
                continue;
            }
            for (int s = 0; s < n; s++) {
                double g = lossDerivative[s];
                if (g != 0 && preActivation[s * m + j] > 0) {
                    double coefficient = g * aj;
                    activeSample[e] = s;
                    activeCoefficient[e] = coefficient;
                    e++;
                    if (biasGradient != null) {
                        biasGradient[j] += coefficient;
                    }
                }
            }
        }
        rowStart[m] = e;
    }

    private void ensureCapacity(int n, int m) {
        if (lossDerivative.length < n) {
            preActivation = new double[Math.multiplyExact(n, m)];
            lossDerivative = new double[n];
            activeSample = new int[Math.multiplyExact(n, m)];
            activeCoefficient = new double[Math.multiplyExact(n, m)];
        }
    }

    /** {@code out} (cols x rows) = {@code in} (rows x cols) transposed, row-major. */
    private static void transpose(double[] in, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            int io = i * cols;
            for (int k = 0; k < cols; k++) {
                out[k * rows + i] = in[io + k];
            }
        }
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
