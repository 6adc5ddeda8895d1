package org.mtrl.plugins.relu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ChunkKernels} on the incubating Vector API, register-blocked. Both products have the same
 * shape, out[r*os + j] += sum_q a[r*ar + q*aq] * panel[q*PANEL + j]: a tile of 8 output rows x 2 vectors
 * of units (16 independent chains, enough to keep both FMA units of a core busy) stays in registers while
 * q runs, each step one pair of vector loads from the panel, eight broadcasts and sixteen FMAs. The panel
 * is read at the constant stride {@link #PANEL}, so the JIT hoists its bounds checks out of the loop.
 * Rows that do not fill a last tile of 8 are computed by a tile over the last 8 rows that stores only
 * them (the others were stored by the tile before), so one tile method serves every size of at least 8
 * rows: it is the only one the JIT must compile before a run is fast. Each element's chain is the one
 * {@link PlainChunkKernels} computes, so results agree bit for bit.
 * Loaded only when selected, so the plugin runs on JVMs without the module.
 */
final class VectorChunkKernels implements ChunkKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    /** Inputs per block of the forward product: the block of W^T's panels (208 KB at m = 200) stays in L2. */
    private static final int INPUT_BLOCK = 128;
    /** Samples per block of the backward product: 128 rows of a panel of C is 16 KB, in L1. */
    private static final int SAMPLE_BLOCK = 128;
    /** A block of x up to this size is kept in L2 (of 1-2 MB on current x86 cores) by the backward order. */
    private static final long INPUT_BLOCK_BYTES = 256 * 1024;

    @Override
    public void forward(double[] x, int n, int d, double[] wtPanels, int mp, double[] b, double[] h) {
        checkPadding(mp);
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, h, s * mp, mp);
        }
        // out = h (rows: samples), a = x (a[s*d + k]), q = k over a block of inputs, panel = W^T's.
        // Eight samples' block of x stays in L1 while the block of W^T's panels passes from L2.
        for (int k0 = 0; k0 < d; k0 += INPUT_BLOCK) {
            int k1 = Math.min(d, k0 + INPUT_BLOCK);
            for (int s = 0; s < n; s += 8) {
                int first = firstRow(s, n);
                for (int j = 0; j < mp; j += 2 * L) {
                    int panel = (j / PANEL) * d * PANEL + j % PANEL;
                    tiles(n - first, s - first, h, first * mp + j, mp, x, first * d, d, 1, k0, k1, wtPanels, panel);
                }
                if (k1 == d) { // the rows are final: the ReLU (again, harmlessly, on rows a tile before stored)
                    relu(h, first * mp, Math.min(n, first + 8) * mp);
                }
            }
        }
    }

    @Override
    public void backward(double[] x, int n, int d, double[] cPanels, int mp, double[] gt) {
        checkPadding(mp);
        // out = gt (rows: inputs k), a = x (a[s*d + k]), q = s, panel = C's. Samples in blocks, outermost,
        // so each element's chain still runs in increasing s. Within a block, whichever operand is
        // reused stays in cache: with short inputs, a block's slice of a panel of C stays in L1 while the
        // inputs pass; with long inputs (the block of x no longer fits in L2), eight inputs of the block
        // stay in L1 while all units pass.
        for (int s0 = 0; s0 < n; s0 += SAMPLE_BLOCK) {
            int s1 = Math.min(n, s0 + SAMPLE_BLOCK);
            if ((long) (s1 - s0) * d * Double.BYTES <= INPUT_BLOCK_BYTES) {
                for (int j = 0; j < mp; j += 2 * L) {
                    int panel = (j / PANEL) * n * PANEL + j % PANEL;
                    for (int k = 0; k < d; k += 8) {
                        int first = firstRow(k, d);
                        tiles(d - first, k - first, gt, first * mp + j, mp, x, first, 1, d, s0, s1, cPanels, panel);
                    }
                }
            } else {
                for (int k = 0; k < d; k += 8) {
                    int first = firstRow(k, d);
                    for (int j = 0; j < mp; j += 2 * L) {
                        int panel = (j / PANEL) * n * PANEL + j % PANEL;
                        tiles(d - first, k - first, gt, first * mp + j, mp, x, first, 1, d, s0, s1, cPanels, panel);
                    }
                }
            }
        }
    }

    /** {@code v[i] = Math.max(v[i], 0)} for i in [from, to), a multiple of the vector length apart. */
    private static void relu(double[] v, int from, int to) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = from; i < to; i += L) {
            DoubleVector.fromArray(SPECIES, v, i).max(zero).intoArray(v, i);
        }
    }

    private static void checkPadding(int mp) {
        if (mp % PANEL != 0) {
            throw new IllegalArgumentException("padded width " + mp + " is not a multiple of " + PANEL);
        }
    }

    /**
     * The first row of the tile that covers rows from {@code row} on, of {@code rows}: {@code row} itself,
     * or, for a last tile that would run past the end, {@code rows - 8}, so the tile is still 8 rows.
     * Fewer than 8 rows in all start at row 0.
     */
    private static int firstRow(int row, int rows) {
        return Math.max(0, Math.min(row, rows - 8));
    }

    /**
     * The tile from row 0 of {@code out} at {@code oo}, storing rows from {@code skip} on: one
     * {@link #tile8} when at least 8 rows are left ({@code left}), else one {@link #tile1} per row.
     */
    private static void tiles(int left, int skip, double[] out, int oo, int os, double[] a, int ao, int ar, int aq,
                              int q0, int q1, double[] panel, int po) {
        if (left >= 8) {
            tile8(out, oo, os, a, ao, ar, aq, q0, q1, panel, po, skip);
        } else {
            for (int r = skip; r < left; r++) {
                tile1(out, oo + r * os, a, ao + r * ar, aq, q0, q1, panel, po);
            }
        }
    }

    /**
     * Rows r = skip..7 of {@code out} from {@code oo} (row stride {@code os}), two vectors wide:
     * out[oo + r*os + v] += sum over q in [q0, q1) of a[ao + r*ar + q*aq] * panel[po + q*PANEL + v]. Rows
     * below {@code skip} are computed too, from the same start, but not stored: they belong to the
     * tile before, which stored them already.
     */
    private static void tile8(double[] out, int oo, int os, double[] a, int ao, int ar, int aq, int q0, int q1,
                              double[] panel, int po, int skip) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, out, oo);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, out, oo + L);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, out, oo + os);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, out, oo + os + L);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, out, oo + 2 * os);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, out, oo + 2 * os + L);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, out, oo + 3 * os);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, out, oo + 3 * os + L);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, out, oo + 4 * os);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, out, oo + 4 * os + L);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, out, oo + 5 * os);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, out, oo + 5 * os + L);
        DoubleVector c60 = DoubleVector.fromArray(SPECIES, out, oo + 6 * os);
        DoubleVector c61 = DoubleVector.fromArray(SPECIES, out, oo + 6 * os + L);
        DoubleVector c70 = DoubleVector.fromArray(SPECIES, out, oo + 7 * os);
        DoubleVector c71 = DoubleVector.fromArray(SPECIES, out, oo + 7 * os + L);
        for (int q = q0; q < q1; q++) {
            int ro = po + q * PANEL;
            DoubleVector r0 = DoubleVector.fromArray(SPECIES, panel, ro);
            DoubleVector r1 = DoubleVector.fromArray(SPECIES, panel, ro + L);
            int a0 = ao + q * aq;
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[a0]);
            c00 = s.fma(r0, c00);
            c01 = s.fma(r1, c01);
            s = DoubleVector.broadcast(SPECIES, a[a0 + ar]);
            c10 = s.fma(r0, c10);
            c11 = s.fma(r1, c11);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 2 * ar]);
            c20 = s.fma(r0, c20);
            c21 = s.fma(r1, c21);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 3 * ar]);
            c30 = s.fma(r0, c30);
            c31 = s.fma(r1, c31);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 4 * ar]);
            c40 = s.fma(r0, c40);
            c41 = s.fma(r1, c41);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 5 * ar]);
            c50 = s.fma(r0, c50);
            c51 = s.fma(r1, c51);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 6 * ar]);
            c60 = s.fma(r0, c60);
            c61 = s.fma(r1, c61);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 7 * ar]);
            c70 = s.fma(r0, c70);
            c71 = s.fma(r1, c71);
        }
        if (skip == 0) {
            c00.intoArray(out, oo);
            c01.intoArray(out, oo + L);
        }
        if (skip <= 1) {
            c10.intoArray(out, oo + os);
            c11.intoArray(out, oo + os + L);
        }
        if (skip <= 2) {
            c20.intoArray(out, oo + 2 * os);
            c21.intoArray(out, oo + 2 * os + L);
        }
        if (skip <= 3) {
            c30.intoArray(out, oo + 3 * os);
            c31.intoArray(out, oo + 3 * os + L);
        }
        if (skip <= 4) {
            c40.intoArray(out, oo + 4 * os);
            c41.intoArray(out, oo + 4 * os + L);
        }
        if (skip <= 5) {
            c50.intoArray(out, oo + 5 * os);
            c51.intoArray(out, oo + 5 * os + L);
        }
        if (skip <= 6) {
            c60.intoArray(out, oo + 6 * os);
            c61.intoArray(out, oo + 6 * os + L);
        }
        c70.intoArray(out, oo + 7 * os);
        c71.intoArray(out, oo + 7 * os + L);
    }

    /** One row of {@link #tile8}. */
    private static void tile1(double[] out, int oo, double[] a, int ao, int aq, int q0, int q1,
                              double[] panel, int po) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, out, oo);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, out, oo + L);
        for (int q = q0; q < q1; q++) {
            int ro = po + q * PANEL;
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[ao + q * aq]);
            c0 = s.fma(DoubleVector.fromArray(SPECIES, panel, ro), c0);
            c1 = s.fma(DoubleVector.fromArray(SPECIES, panel, ro + L), c1);
        }
        c0.intoArray(out, oo);
        c1.intoArray(out, oo + L);
    }
}
