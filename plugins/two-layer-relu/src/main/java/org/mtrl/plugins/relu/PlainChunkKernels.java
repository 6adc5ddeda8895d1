package org.mtrl.plugins.relu;

/**
 * {@link ChunkKernels} in plain Java: inner loops run over the {@link #PANEL} contiguous units of a panel
 * with {@link Math#fma}, which C2 turns into vector FMAs, four terms of a chain per pass so each output
 * element is loaded and stored once per four. The forward product's input index is blocked so a block of
 * W^T's panels stays in cache while all samples of the chunk pass over it.
 */
final class PlainChunkKernels implements ChunkKernels {
    /** Inputs per block of the forward product: 128 rows of every panel of W^T, 208 KB at m = 200. */
    private static final int INPUT_BLOCK = 128;

    @Override
    public void forward(double[] x, int xo, int n, int d, double[] wtPanels, int mp, double[] b, double[] h) {
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, h, s * mp, mp);
        }
        for (int k0 = 0; k0 < d; k0 += INPUT_BLOCK) {
            int k1 = Math.min(d, k0 + INPUT_BLOCK);
            for (int s = 0; s < n; s++) {
                for (int p = 0; p < mp / PANEL; p++) {
                    // h[s, panel p] += sum_k x[s, k] wt[k, panel p], terms in increasing k
                    chain(x, xo + s * d, 1, k0, k1, wtPanels, p * d * PANEL, h, s * mp + p * PANEL);
                }
            }
        }
        for (int i = 0, end = n * mp; i < end; i++) {
            h[i] = Math.max(h[i], 0.0);
        }
    }

    @Override
    public void backward(double[] x, int xo, int n, int d, double[] cPanels, int mp, double[] gt) {
        for (int k = 0; k < d; k++) {
            for (int p = 0; p < mp / PANEL; p++) {
                // gt[k, panel p] += sum_s x[s, k] c[s, panel p], terms in increasing s
                chain(x, xo + k, d, 0, n, cPanels, p * n * PANEL, gt, k * mp + p * PANEL);
            }
        }
    }

    /**
     * {@code into[io + v] += sum over q in [q0, q1) of a[ao + q*aq] * panel[po + q*PANEL + v]} for v below
     * PANEL, as one fma chain per element in increasing q.
     */
    private static void chain(double[] a, int ao, int aq, int q0, int q1, double[] panel, int po,
                              double[] into, int io) {
        int q = q0;
        for (; q + 3 < q1; q += 4) {
            double a0 = a[ao + q * aq];
            double a1 = a[ao + (q + 1) * aq];
            double a2 = a[ao + (q + 2) * aq];
            double a3 = a[ao + (q + 3) * aq];
            int r0 = po + q * PANEL;
            int r1 = r0 + PANEL;
            int r2 = r1 + PANEL;
            int r3 = r2 + PANEL;
            for (int v = 0; v < PANEL; v++) {
                into[io + v] = Math.fma(a3, panel[r3 + v], Math.fma(a2, panel[r2 + v],
                        Math.fma(a1, panel[r1 + v], Math.fma(a0, panel[r0 + v], into[io + v]))));
            }
        }
        for (; q < q1; q++) {
            double aq0 = a[ao + q * aq];
            int r = po + q * PANEL;
            for (int v = 0; v < PANEL; v++) {
                into[io + v] = Math.fma(aq0, panel[r + v], into[io + v]);
            }
        }
    }
}
