package org.mtrl.plugins.relu;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;

/**
 * Sums loss gradients of a {@link TwoLayerReluModel} for one thread, a batch at a time: the
 * hidden activations H = relu(X W^T + b) of a block of samples are one blocked matrix product (the ReLU applied
 * as its rows are finished), then per sample f = a_t . h and g = scale * dl/df, g h is added to the head
 * gradient, and the coefficients C = [g_s a_{t,j} 1[z_{s,j} &gt; 0]] (n x m) give the first-layer
 * gradient as a second blocked product G^T += X^T C and the bias gradient as the column sums of C. When
 * the head is zero, C is zero and so are the first-layer and bias gradients, exactly. The pre-activation
 * Gram sum_s c_s c_s^T (projected sampling's covariance of the rest of the first-layer gradient) is the
 * same backward kernel with C (row-major, copied from the panels) in place of X: C^T C.
 *
 * <p>The products run on the JVM's {@link ChunkKernels}, on unit-padded copies (W^T, b, H, C and G^T
 * have {@link ChunkKernels#padded} columns, the padding zero; W^T and C are laid out in the kernels' unit
 * panels, written so as they are made, at no extra pass). A batch is processed in blocks of
 * {@link #BLOCK} samples. Scratch buffers are sized by the largest block seen and reused, so
 * {@link #add} allocates only when a block larger than any before arrives.
 * The head and bias gradients returned by the accessors are live buffers; {@link #firstLayer} writes
 * G from G^T into its own buffer when called.
 */
final class TwoLayerReluAccumulator implements GradientAccumulator {
    /**
     * Samples per block: a batch runs block after block, each from the forward product to the backward
     * one, so a block's activations and coefficients (208 KB each at m = 200) stay in L2 between the
     * passes over them. Every sum still adds the samples in increasing order: the result is the same
     * bits as one block of the whole batch.
     */
    static final int BLOCK = 128;
    private final int block;
    private final TwoLayerReluModel model;
    private final ChunkKernels kernels;
    private final Set<GradientPart> parts;
    private final int paddedWidth;
    private final double[] headGradient;
    /** G^T, d x mp. */
    private final double[] transposedFirstLayerGradient;
    /** G, m x d, written from G^T by {@link #firstLayer}. */
    private final double[] firstLayerGradient;
    private final double[] biasGradient;
    /** sum_s c_s c_s^T, mp x mp. */
    private final double[] paddedGram;
    /** The same, m x m, written from the padded one by {@link #preActivationGram}. */
    private final double[] gram;
    /** W^T, d x mp, in unit panels. */
    private final double[] transposedFirstLayerPanels;
    private final double[] paddedBias;
    /** relu(Z), n x mp. */
    private double[] hidden = new double[0];
    /** f_s = a_t . h_s per sample. */
    private double[] output = new double[0];
    private double[] lossDerivative = new double[0];
    /** C, n x mp, in unit panels (of n rows: their layout follows the batch size). */
    private double[] coefficientPanels = new double[0];
    /** C, n x mp, row-major: the Gram's left operand, filled only when the Gram is requested. */
    private double[] coefficientRows = new double[0];

    TwoLayerReluAccumulator(TwoLayerReluModel model, Set<GradientPart> parts) {
        this(model, parts, ChunkKernels.selected());
    }

    TwoLayerReluAccumulator(TwoLayerReluModel model, Set<GradientPart> parts, ChunkKernels kernels) {
        this(model, parts, kernels, BLOCK);
    }

    /** With blocks of {@code block} samples: a test's way to check that blocks do not change the bits. */
    TwoLayerReluAccumulator(TwoLayerReluModel model, Set<GradientPart> parts, ChunkKernels kernels, int block) {
        this.block = block;
        this.model = model;
        this.kernels = kernels;
        this.parts = parts.isEmpty() ? EnumSet.noneOf(GradientPart.class) : EnumSet.copyOf(parts);
        int m = model.width();
        int d = model.inputDim();
        this.paddedWidth = ChunkKernels.padded(m);
        this.headGradient = this.parts.contains(GradientPart.HEAD) ? new double[m] : null;
        boolean firstLayer = this.parts.contains(GradientPart.FIRST_LAYER);
        this.firstLayerGradient = firstLayer ? new double[Math.multiplyExact(m, d)] : null;
        this.transposedFirstLayerGradient = firstLayer ? new double[Math.multiplyExact(paddedWidth, d)] : null;
        this.biasGradient = this.parts.contains(GradientPart.BIAS) ? new double[m] : null;
        boolean gram = this.parts.contains(GradientPart.PRE_ACTIVATION_GRAM);
        this.paddedGram = gram ? new double[Math.multiplyExact(paddedWidth, paddedWidth)] : null;
        this.gram = gram ? new double[Math.multiplyExact(m, m)] : null;
        this.transposedFirstLayerPanels = new double[Math.multiplyExact(paddedWidth, d)];
        this.paddedBias = new double[paddedWidth];
    }

    @Override
    public void reset() {
        zero(headGradient);
        zero(transposedFirstLayerGradient);
        zero(biasGradient);
        zero(paddedGram);
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
        ensureCapacity(Math.min(n, block));
        transposeToPanels(model.firstLayer().data(), m, d, transposedFirstLayerPanels);
        System.arraycopy(model.bias(), 0, paddedBias, 0, m);
        double totalLoss = 0;
        for (int s0 = 0; s0 < n; s0 += block) {
            totalLoss = addBlock(task, batch, s0, Math.min(block, n - s0), scale, totalLoss);
        }
        return totalLoss;
    }

    /**
     * The samples s0..s0+n-1 of the batch: adds their gradients, and their losses one by one to
     * {@code totalLoss}, which it returns.
     */
    private double addBlock(int task, Batch batch, int s0, int n, double scale, double totalLoss) {
        int d = model.inputDim();
        int m = model.width();
        int mp = paddedWidth;
        double[] x = batch.x();
        int xo = s0 * d;
        kernels.forward(x, xo, n, d, transposedFirstLayerPanels, mp, paddedBias, hidden);

        double[] a = model.heads().data();
        int headOffset = task * m;
        outputs(a, headOffset, n, m);
        Loss loss = model.loss();
        double[] y = batch.y();
        for (int s = 0; s < n; s++) {
            totalLoss += loss.value(y[s0 + s], output[s]);
            lossDerivative[s] = scale * loss.derivative(y[s0 + s], output[s]);
        }
        if (headGradient != null) {
            addHeadGradient(n, m);
        }
        if (transposedFirstLayerGradient != null || biasGradient != null || paddedGram != null) {
            fillCoefficients(a, headOffset, n, m);
            if (biasGradient != null) {
                addBiasGradient(n, m);
            }
            if (transposedFirstLayerGradient != null) {
                kernels.backward(x, xo, n, d, coefficientPanels, mp, transposedFirstLayerGradient);
            }
            if (paddedGram != null) {
                coefficientRows(n);
                kernels.backward(coefficientRows, 0, n, mp, coefficientPanels, mp, paddedGram);
            }
        }
        return totalLoss;
    }

    /**
     * output[s] = a_t . h_s, two samples at a time: eight independent chains where one sample's dot
     * product has four, which hides the adder's latency. Each sample's sum has the order of
     * {@link Vectors#dot} (partial sums over i mod 4, the tail into the first, combined as
     * (s0 + s1) + (s2 + s3)), so the result is the same bits.
     */
    private void outputs(double[] a, int ao, int n, int m) {
        int mp = paddedWidth;
        int s = 0;
        for (; s + 1 < n; s += 2) {
            int p = s * mp;
            int q = p + mp;
            double p0 = 0;
            double p1 = 0;
            double p2 = 0;
            double p3 = 0;
            double q0 = 0;
            double q1 = 0;
            double q2 = 0;
            double q3 = 0;
            int i = 0;
            for (; i + 3 < m; i += 4) {
                double a0 = a[ao + i];
                double a1 = a[ao + i + 1];
                double a2 = a[ao + i + 2];
                double a3 = a[ao + i + 3];
                p0 += a0 * hidden[p + i];
                p1 += a1 * hidden[p + i + 1];
                p2 += a2 * hidden[p + i + 2];
                p3 += a3 * hidden[p + i + 3];
                q0 += a0 * hidden[q + i];
                q1 += a1 * hidden[q + i + 1];
                q2 += a2 * hidden[q + i + 2];
                q3 += a3 * hidden[q + i + 3];
            }
            for (; i < m; i++) {
                p0 += a[ao + i] * hidden[p + i];
                q0 += a[ao + i] * hidden[q + i];
            }
            output[s] = (p0 + p1) + (p2 + p3);
            output[s + 1] = (q0 + q1) + (q2 + q3);
        }
        for (; s < n; s++) {
            output[s] = Vectors.dot(a, ao, hidden, s * mp, m);
        }
    }

    /**
     * Adds sum_s g_s h_s to the head gradient, four samples per pass over it. Each entry still adds
     * the samples' terms one at a time in increasing s, so the result is the same bits as one pass
     * per sample, with a quarter of the gradient's loads and stores.
     */
    private void addHeadGradient(int n, int m) {
        int mp = paddedWidth;
        double[] h = hidden;
        int s = 0;
        for (; s + 3 < n; s += 4) {
            double g0 = lossDerivative[s];
            double g1 = lossDerivative[s + 1];
            double g2 = lossDerivative[s + 2];
            double g3 = lossDerivative[s + 3];
            int o0 = s * mp;
            int o1 = o0 + mp;
            int o2 = o1 + mp;
            int o3 = o2 + mp;
            for (int j = 0; j < m; j++) {
                headGradient[j] = headGradient[j] + g0 * h[o0 + j] + g1 * h[o1 + j] + g2 * h[o2 + j] + g3 * h[o3 + j];
            }
        }
        for (; s < n; s++) {
            Vectors.axpy(lossDerivative[s], h, s * mp, headGradient, 0, m);
        }
    }

    /**
     * C[s][j] = g_s a_j where unit j is active on sample s, else +0, into unit panels; padding units get
     * +0 written (the panels' layout follows n, so a slot that is padding now may have held a unit of a
     * longer batch). Half the units are active, at random, so a branch would mispredict half the time:
     * the mask is computed from the bits instead. h = relu(z) is +0 or positive, so its bits are zero
     * exactly when the unit is inactive.
     */
    private void fillCoefficients(double[] a, int headOffset, int n, int m) {
        int panel = ChunkKernels.PANEL;
        for (int s = 0; s < n; s++) {
            double g = lossDerivative[s];
            int ho = s * paddedWidth;
            for (int p = 0; p < paddedWidth / panel; p++) {
                int j0 = p * panel;
                int co = (p * n + s) * panel;
                int units = Math.min(panel, m - j0);
                for (int v = 0; v < units; v++) {
                    long bits = Double.doubleToRawLongBits(hidden[ho + j0 + v]);
                    long active = (bits | -bits) >> 63; // all ones when bits != 0, else zero
                    coefficientPanels[co + v] = Double.longBitsToDouble(
                            Double.doubleToRawLongBits(g * a[headOffset + j0 + v]) & active);
                }
                if (units < panel) { // only the last panel has padding: no call per full panel
                    Arrays.fill(coefficientPanels, co + units, co + panel, 0.0);
                }
            }
        }
    }

    /** C from its unit panels into {@link #coefficientRows}, n x mp row-major (padding units +0). */
    private void coefficientRows(int n) {
        int panel = ChunkKernels.PANEL;
        for (int p = 0; p < paddedWidth / panel; p++) {
            for (int s = 0; s < n; s++) {
                System.arraycopy(coefficientPanels, (p * n + s) * panel, coefficientRows, s * paddedWidth + p * panel,
                        panel);
            }
        }
    }

    /** Adds C's column sums to the bias gradient, each entry's terms in increasing s. */
    private void addBiasGradient(int n, int m) {
        int panel = ChunkKernels.PANEL;
        for (int p = 0; p * panel < m; p++) {
            int units = Math.min(panel, m - p * panel);
            for (int s = 0; s < n; s++) {
                int co = (p * n + s) * panel;
                for (int v = 0; v < units; v++) {
                    biasGradient[p * panel + v] += coefficientPanels[co + v];
                }
            }
        }
    }

    private void ensureCapacity(int n) {
        if (lossDerivative.length < n) {
            hidden = new double[Math.multiplyExact(n, paddedWidth)];
            output = new double[n];
            lossDerivative = new double[n];
            coefficientPanels = new double[Math.multiplyExact(n, paddedWidth)];
            coefficientRows = paddedGram == null ? coefficientRows : new double[Math.multiplyExact(n, paddedWidth)];
        }
    }

    /**
     * W (m x d) transposed into the kernels' unit panels: W[j][k] goes to panel j / PANEL, row k, column
     * j % PANEL. The padding units' slots are never written, so they stay zero.
     */
    private static void transposeToPanels(double[] w, int m, int d, double[] panels) {
        int panel = ChunkKernels.PANEL;
        for (int j = 0; j < m; j++) {
            int wo = j * d;
            int po = (j / panel) * d * panel + j % panel;
            for (int k = 0; k < d; k++) {
                panels[po + k * panel] = w[wo + k];
            }
        }
    }

    @Override
    public double[] head() {
        return requested(headGradient, GradientPart.HEAD);
    }

    @Override
    public double[] firstLayer() {
        double[] gradient = requested(firstLayerGradient, GradientPart.FIRST_LAYER);
        transpose(transposedFirstLayerGradient, model.inputDim(), paddedWidth, model.width(), gradient);
        return gradient;
    }

    /** The first {@code used} columns of {@code in} (rows x cols), transposed into {@code out} (used x rows). */
    private static void transpose(double[] in, int rows, int cols, int used, double[] out) {
        for (int k = 0; k < rows; k++) {
            int io = k * cols;
            for (int j = 0; j < used; j++) {
                out[j * rows + k] = in[io + j];
            }
        }
    }

    @Override
    public double[] preActivationGram() {
        double[] out = requested(gram, GradientPart.PRE_ACTIVATION_GRAM);
        int m = model.width();
        for (int i = 0; i < m; i++) {
            System.arraycopy(paddedGram, i * paddedWidth, out, i * m, m);
        }
        return out;
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
