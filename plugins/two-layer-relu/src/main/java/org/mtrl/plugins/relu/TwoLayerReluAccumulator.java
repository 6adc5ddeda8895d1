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
 * C = [g_s a_{t,j} 1[z_{s,j} &gt; 0]] (n x m) give the first-layer gradient as a second blocked
 * product G += C^T X and the bias gradient as the row sums of C. When the head is zero, C is zero and
 * so are the first-layer and bias gradients, exactly.
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
    /** Z, then relu(Z) in place, n x m. */
    private double[] hidden = new double[0];
    private double[] lossDerivative = new double[0];
    /** C, n x m. */
    private double[] coefficients = new double[0];

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
        kernels.forward(batch.x(), n, d, transposedFirstLayer, m, model.bias(), hidden);

        double[] a = model.heads().data();
        int headOffset = task * m;
        Loss loss = model.loss();
        double[] y = batch.y();
        double totalLoss = 0;
        for (int s = 0; s < n; s++) {
            int ho = s * m;
            for (int j = 0; j < m; j++) {
                hidden[ho + j] = Math.max(hidden[ho + j], 0.0);
            }
            double f = Kernels.dot(a, headOffset, hidden, ho, m);
            totalLoss += loss.value(y[s], f);
            double g = scale * loss.derivative(y[s], f);
            lossDerivative[s] = g;
            if (headGradient != null && g != 0) {
                Kernels.axpy(g, hidden, ho, headGradient, 0, m);
            }
        }
        if (firstLayerGradient != null || biasGradient != null) {
            fillCoefficients(a, headOffset, n, m);
            if (biasGradient != null) {
                for (int s = 0; s < n; s++) {
                    Kernels.axpy(1.0, coefficients, s * m, biasGradient, 0, m);
                }
            }
            if (firstLayerGradient != null) {
                kernels.backward(coefficients, n, m, batch.x(), d, firstLayerGradient);
            }
        }
        return totalLoss;
    }

    /** C[s][j] = g_s a_j where unit j is active on sample s (relu(z) &gt; 0 exactly when z &gt; 0), else 0. */
    private void fillCoefficients(double[] a, int headOffset, int n, int m) {
        for (int s = 0; s < n; s++) {
            double g = lossDerivative[s];
            int ho = s * m;
            for (int j = 0; j < m; j++) {
                coefficients[ho + j] = hidden[ho + j] > 0 ? g * a[headOffset + j] : 0.0;
            }
        }
    }

    private void ensureCapacity(int n, int m) {
        if (lossDerivative.length < n) {
            hidden = new double[Math.multiplyExact(n, m)];
            lossDerivative = new double[n];
            coefficients = new double[Math.multiplyExact(n, m)];
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
