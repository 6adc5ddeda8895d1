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
     * Adds {@code sum_s c_{j,s} x[s*d + k]} to {@code grad[j*d + k]} for every row j, where row j's
     * non-zero coefficients are given in compressed form: for {@code e} in
     * {@code [rowStart[j], rowStart[j + 1])}, coefficient {@code coef[e]} of sample {@code sample[e]},
     * samples increasing. The chain starts at the current {@code grad} entry and adds in that order.
     */
    void backward(int[] rowStart, int[] sample, double[] coef, int m, double[] x, int d, double[] grad);

    /** The kernels this JVM runs: see {@link KernelChoice}. */
    static ChunkKernels selected() {
        return KernelChoice.SELECTED;
    }
}
