package org.mtrl.plugins.relu;

/**
 * The two matrix products of a gradient over a chunk of samples, as blocked kernels on flat arrays whose
 * unit index is padded to a multiple of {@link #UNIT_PADDING} (padding entries are zero), so vector tiles
 * never need a scalar tail. The operand read again and again by the inner loops (W^T in the forward
 * product, the coefficients C in the backward one) comes in <em>unit panels</em>: {@link #PANEL} units
 * wide, one panel after the other, each panel's rows contiguous ({@link #toPanels}), so that inner loop
 * reads consecutive memory at a constant stride, which lets the JIT drop its bounds checks. Every output
 * element is one {@link Math#fma} chain in a fixed order, so implementations that block or vectorise
 * differently agree bit for bit, and a result never depends on which one ran.
 */
interface ChunkKernels {
    /** Padded widths are multiples of this: two vectors of 8 doubles (AVX-512), four of 4 (AVX2). */
    int UNIT_PADDING = 16;
    /** Units per panel of a panel-laid-out operand. */
    int PANEL = UNIT_PADDING;

    /** {@code m} rounded up to a multiple of {@link #UNIT_PADDING}. */
    static int padded(int m) {
        return Math.addExact(m, UNIT_PADDING - 1) / UNIT_PADDING * UNIT_PADDING;
    }

    /**
     * Lays {@code rowMajor} (rows x mp) out in unit panels: {@code panels[(p*rows + r)*PANEL + v] =
     * rowMajor[r*mp + p*PANEL + v]} for panel p of the mp / PANEL.
     */
    static void toPanels(double[] rowMajor, int rows, int mp, double[] panels) {
        for (int p = 0; p < mp / PANEL; p++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(rowMajor, r * mp + p * PANEL, panels, (p * rows + r) * PANEL, PANEL);
            }
        }
    }

    /**
     * The hidden activations {@code h[s*mp + j] = Math.max(b[j] + sum_k x[xo + s*d + k] * wt[k, j], 0)} of
     * {@code n} samples (x's rows from offset {@code xo}): the chain starts at {@code b[j]} and adds the terms in increasing k; the ReLU is
     * applied while the rows are still in cache.
     *
     * @param wtPanels the first layer transposed (d x mp) in unit panels: wt[k, j] is
     *                 {@code wtPanels[((j / PANEL)*d + k)*PANEL + j % PANEL]}
     * @param mp the padded width
     */
    void forward(double[] x, int xo, int n, int d, double[] wtPanels, int mp, double[] b, double[] h);

    /**
     * Adds {@code sum_s x[xo + s*d + k] * c[s, j]} to {@code gt[k*mp + j]}: G^T += X^T C, the first-layer
     * gradient transposed (row-major d x mp), with C (n x mp) in unit panels: c[s, j] is
     * {@code cPanels[((j / PANEL)*n + s)*PANEL + j % PANEL]}. The chain starts at the current entry and adds
     * the terms in increasing s; a zero coefficient adds an exact zero, so the dense product multiplies
     * the inactive units too but runs at the register-blocked rate.
     */
    void backward(double[] x, int xo, int n, int d, double[] cPanels, int mp, double[] gt);

    /**
     * New kernels of the implementation this JVM runs (see {@link KernelChoice}). An instance may keep
     * scratch buffers between calls: use it from one thread.
     */
    static ChunkKernels selected() {
        return KernelChoice.create();
    }
}
