package org.mtrl.plugins.relu;

/**
 * The two matrix products of a gradient over a chunk of samples, as blocked kernels on flat row-major
 * arrays whose unit index is padded to a multiple of {@link #UNIT_PADDING} (padding entries are zero),
 * so vector tiles never need a scalar tail. Every output element is one {@link Math#fma} chain in a
 * fixed order, so implementations that block or vectorise differently agree bit for bit, and a result
 * never depends on which one ran.
 */
interface ChunkKernels {
    /** Padded widths are multiples of this: two vectors of 8 doubles (AVX-512), four of 4 (AVX2). */
    int UNIT_PADDING = 16;

    /** {@code m} rounded up to a multiple of {@link #UNIT_PADDING}. */
    static int padded(int m) {
        return Math.addExact(m, UNIT_PADDING - 1) / UNIT_PADDING * UNIT_PADDING;
    }

    /**
     * The pre-activations {@code z[s*mp + j] = b[j] + sum_k x[s*d + k] * wt[k*mp + j]} of {@code n}
     * samples: the chain starts at {@code b[j]} and adds the terms in increasing k.
     *
     * @param wt the first layer transposed, d x mp row-major
     * @param mp the padded width
     */
    void forward(double[] x, int n, int d, double[] wt, int mp, double[] b, double[] z);

    /**
     * Adds {@code sum_s x[s*d + k] * c[s*mp + j]} to {@code gt[k*mp + j]}: G^T += X^T C, the first-layer
     * gradient transposed, with C (n x mp) laid out like the pre-activations it is made from. The chain
     * starts at the current entry and adds the terms in increasing s; a zero coefficient adds an exact
     * zero, so the dense product multiplies the inactive units too but runs at the register-blocked rate.
     */
    void backward(double[] x, int n, int d, double[] c, int mp, double[] gt);

    /** The kernels this JVM runs: see {@link KernelChoice}. */
    static ChunkKernels selected() {
        return KernelChoice.SELECTED;
    }
}
