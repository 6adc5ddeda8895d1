package org.mtrl.plugins.relu;

/**
 * {@link ChunkKernels} in plain Java: inner loops run over contiguous units with {@link Math#fma}, which
 * C2 turns into vector FMAs, four terms of a chain per pass so each output element is loaded and
 * stored once per four. The input index is blocked in panels so a panel of the transposed first layer
 * stays in cache while all samples of the chunk pass over it.
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
                // z[s, :] += sum_k x[s, k] wt[k, :], terms in increasing k
                chain(x, s * d, 1, k0, k1, wt, mp, z, s * mp);
            }
        }
    }

    @Override
    public void backward(double[] x, int n, int d, double[] c, int mp, double[] gt) {
        for (int k = 0; k < d; k++) {
            // gt[k, :] += sum_s x[s, k] c[s, :], terms in increasing s
            chain(x, k, d, 0, n, c, mp, gt, k * mp);
        }
    }

    /**
     * {@code into[io + j] += sum over q in [q0, q1) of a[ao + q*aq] * rows[q*mp + j]} for j below mp, as
     * one fma chain per element in increasing q.
     */
    private static void chain(double[] a, int ao, int aq, int q0, int q1, double[] rows, int mp,
                              double[] into, int io) {
        int q = q0;
        for (; q + 3 < q1; q += 4) {
            double a0 = a[ao + q * aq];
            double a1 = a[ao + (q + 1) * aq];
            double a2 = a[ao + (q + 2) * aq];
            double a3 = a[ao + (q + 3) * aq];
            int r0 = q * mp;
            int r1 = r0 + mp;
            int r2 = r1 + mp;
            int r3 = r2 + mp;
            for (int j = 0; j < mp; j++) {
                into[io + j] = Math.fma(a3, rows[r3 + j], Math.fma(a2, rows[r2 + j],
                        Math.fma(a1, rows[r1 + j], Math.fma(a0, rows[r0 + j], into[io + j]))));
            }
        }
        for (; q < q1; q++) {
            double aq0 = a[ao + q * aq];
            int r = q * mp;
            for (int j = 0; j < mp; j++) {
                into[io + j] = Math.fma(aq0, rows[r + j], into[io + j]);
            }
        }
    }
}
