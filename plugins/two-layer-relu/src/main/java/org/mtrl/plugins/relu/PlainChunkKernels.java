package org.mtrl.plugins.relu;

/**
 * {@link ChunkKernels} in plain Java: inner loops run over contiguous memory with {@link Math#fma}, which
 * C2 turns into vector FMAs. The input index is blocked in panels so a panel of the transposed first
 * layer stays in L2 while all samples of the chunk pass over it.
 */
final class PlainChunkKernels implements ChunkKernels {
    /** Input indices per panel: 256 x m doubles of the transposed first layer (400 KB at m = 200). */
    static final int PANEL = 256;
    /** Input indices per block of the backward pass: one block of every sample's row stays in L1/L2. */
    static final int BACKWARD_BLOCK = 256;

    @Override
    public void forward(double[] x, int n, int d, double[] wt, int m, double[] b, double[] z) {
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, z, s * m, m);
        }
        for (int k0 = 0; k0 < d; k0 += PANEL) {
            int k1 = Math.min(d, k0 + PANEL);
            for (int s = 0; s < n; s++) {
                int zo = s * m;
                int xo = s * d;
                int k = k0;
                for (; k + 3 < k1; k += 4) {
                    double x0 = x[xo + k];
                    double x1 = x[xo + k + 1];
                    double x2 = x[xo + k + 2];
                    double x3 = x[xo + k + 3];
                    int w0 = k * m;
                    int w1 = w0 + m;
                    int w2 = w1 + m;
                    int w3 = w2 + m;
                    for (int j = 0; j < m; j++) {
                        z[zo + j] = Math.fma(x3, wt[w3 + j], Math.fma(x2, wt[w2 + j],
                                Math.fma(x1, wt[w1 + j], Math.fma(x0, wt[w0 + j], z[zo + j]))));
                    }
                }
                for (; k < k1; k++) {
                    double xk = x[xo + k];
                    int w = k * m;
                    for (int j = 0; j < m; j++) {
                        z[zo + j] = Math.fma(xk, wt[w + j], z[zo + j]);
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] c, int n, int m, double[] x, int d, double[] grad) {
        for (int k0 = 0; k0 < d; k0 += BACKWARD_BLOCK) {
            int k1 = Math.min(d, k0 + BACKWARD_BLOCK);
            for (int s = 0; s < n; s++) {
                int xo = s * d;
                for (int j = 0; j < m; j++) {
                    double cs = c[s * m + j];
                    int go = j * d;
                    for (int k = k0; k < k1; k++) {
                        grad[go + k] = Math.fma(cs, x[xo + k], grad[go + k]);
                    }
                }
            }
        }
    }
}
