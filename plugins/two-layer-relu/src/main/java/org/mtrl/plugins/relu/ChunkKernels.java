package org.mtrl.plugins.relu;

/**
 * The two matrix products of a gradient over a chunk of samples, as blocked kernels on flat row-major
 * arrays. Every output element is one {@link Math#fma} chain in a fixed order (the forward over the
 * input index k, the backward over the samples), so implementations that block or vectorise
 * differently still agree bit for bit, and a result never depends on which one ran.
 */
interface ChunkKernels {

    /**
     * The pre-activations {@code z[s*m + j] = b[j] + sum_k x[s*d + k] * wt[k*m + j]} of {@code n}
     * samples: the chain starts at {@code b[j]} and adds the terms in increasing k.
     *
     * @param wt the first layer transposed, d x m row-major
     */
    void forward(double[] x, int n, int d, double[] wt, int m, double[] b, double[] z);

    /**
     * Adds {@code sum_s c[s*m + j] * x[s*d + k]} to {@code grad[j*d + k]}: G += C^T X with C (n x m)
     * dense, laid out like the pre-activations it is made from. The chain starts at the current
     * {@code grad} entry and adds the terms in increasing s; a zero coefficient adds an exact zero, so
     * dense C costs twice the multiplications of the ReLU-sparse one but runs at the register-blocked
     * rate instead of gathering rows.
     */
    void backward(double[] c, int n, int m, double[] x, int d, double[] grad);

    /** The kernels this JVM runs: see {@link KernelChoice}. */
    static ChunkKernels selected() {
        return KernelChoice.SELECTED;
    }
}
