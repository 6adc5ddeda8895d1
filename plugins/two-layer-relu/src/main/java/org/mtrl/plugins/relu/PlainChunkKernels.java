package org.mtrl.plugins.relu;

/**
 * {@link ChunkKernels} in plain Java: inner loops run over contiguous units with {@link Math#fma}, which
 * C2 turns into vector FMAs. The input index is blocked in panels so a panel of the transposed first
 * layer stays in L2 while all samples of the chunk pass over it.
 */
final class PlainChunkKernels implements ChunkKernels {
    /** Input indices per panel: 128 rows of the transposed first layer, 16 KB per two AVX-512 vectors of units. */
    static final int PANEL = 128;

    @Override
    public void forward(double[] x, int n, int d, double[] wt, int mp, double[] b, double[] z) {
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, z, s * mp, mp);
        }
        for (int k0 = 0; k0 < d; k0 += PANEL) {
            int k1 = Math.min(d, k0 + PANEL);
            for (int s = 0; s < n; s++) {
                int zo = s * mp;
                int xo = s * d;
                for (int k = k0; k < k1; k++) {
                    rowUpdate(x[xo + k], wt, k * mp, z, zo, mp);
                }
            }
        }
    }

    @Override
    public void backward(double[] x, int n, int d, double[] c, int mp, double[] gt) {
        for (int k0 = 0; k0 < d; k0 += PANEL) {
            int k1 = Math.min(d, k0 + PANEL);
            for (int s = 0; s < n; s++) {
                int xo = s * d;
                for (int k = k0; k < k1; k++) {
                    rowUpdate(x[xo + k], c, s * mp, gt, k * mp, mp);
                }
            }
        }
    }

    /** {@code into[io, io + len) = fma(alpha, row[ro, ro + len), into[...])}. */
    private static void rowUpdate(double alpha, double[] row, int ro, double[] into, int io, int len) {
        for (int j = 0; j < len; j++) {
            into[io + j] = Math.fma(alpha, row[ro + j], into[io + j]);
        }
    }
}
