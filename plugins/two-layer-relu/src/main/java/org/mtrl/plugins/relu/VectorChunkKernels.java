package org.mtrl.plugins.relu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ChunkKernels} on the incubating Vector API, register-blocked. Both products have the same
 * shape, out[r*os + j] += sum_q a[r, q] * panel[q*PANEL + j]: a tile of 8 output rows x 2 vectors of
 * units (16 independent chains, enough to keep both FMA units of a core busy) stays in registers while q
 * runs, each step one pair of vector loads from the panel, eight broadcasts and sixteen FMAs.
 *
 * <p>The tile's eight rows of {@code a} are first <em>packed</em>, as BLAS packs its left operand:
 * {@code packed[q*8 + r] = a[r, q]}, so the eight broadcasts of a step read one address plus the
 * constants 0 to 7 and the panel one address plus 0 and 8. Both move by a constant stride, so the JIT
 * drops every bounds check from the loop and needs no index arithmetic in it (unpacked, the broadcasts
 * read eight rows a variable stride apart: eight bounds checks and eight address sums per step, 15 to
 * 25% slower on AVX-512). Packing costs one copy of {@code a} per pass over all units.
 *
 * <p>Rows that do not fill a last tile of 8 are computed by a tile over the last 8 rows that stores
 * only them (the others were stored by the tile before), so one tile method serves every size of at
 * least 8 rows: it is the only one the JIT must compile before a run is fast. Each element's chain is
 * the one {@link PlainChunkKernels} computes, so results agree bit for bit.
 *
 * <p>An instance keeps its packing buffer between calls: one instance per thread
 * ({@link ChunkKernels#selected} makes a new one each time). Loaded only when selected, so the plugin
 * runs on JVMs without the module.
 */
final class VectorChunkKernels implements ChunkKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    /** Rows of a tile. */
    private static final int ROWS = 8;
    /** Inputs per block of the forward product: the block of W^T's panels (208 KB at m = 200) stays in L2. */
    private static final int INPUT_BLOCK = 128;
    /** Samples per block of the backward product: 128 rows of a panel of C is 16 KB, in L1. */
    private static final int SAMPLE_BLOCK = 128;
    /** A sample block's packed inputs up to this size stay in L2 (of 1-2 MB on current x86 cores). */
    private static final long PACKED_BLOCK_BYTES = 256 * 1024;

    private double[] packed = new double[0];

    @Override
    public void forward(double[] x, int xo, int n, int d, double[] wtPanels, int mp, double[] b, double[] h) {
        checkPadding(mp);
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, h, s * mp, mp);
        }
        // out = h (rows: samples), a[r, q] = x[xo + (s + r)*d + k0 + q] over a block of inputs, panel = W^T's.
        // Eight samples' packed block of x stays in L1 while the block of W^T's panels passes from L2.
        double[] xp = packing(ROWS * Math.min(d, INPUT_BLOCK));
        for (int k0 = 0; k0 < d; k0 += INPUT_BLOCK) {
            int inputs = Math.min(d, k0 + INPUT_BLOCK) - k0;
            for (int s = 0; s < n; s += ROWS) {
                int first = firstRow(s, n);
                int rows = Math.min(ROWS, n - first);
                for (int r = 0; r < rows; r++) {
                    int row = xo + (first + r) * d + k0;
                    for (int q = 0; q < inputs; q++) {
                        xp[q * ROWS + r] = x[row + q];
                    }
                }
                for (int j = 0; j < mp; j += 2 * L) {
                    int panel = ((j / PANEL) * d + k0) * PANEL + j % PANEL;
                    tiles(rows, s - first, h, first * mp + j, mp, xp, 0, inputs, wtPanels, panel);
                }
                if (k0 + inputs == d) { // the rows are final: the ReLU (again, harmlessly, on rows a tile before stored)
                    relu(h, first * mp, (first + rows) * mp);
                }
            }
        }
    }

    @Override
    public void backward(double[] x, int xo, int n, int d, double[] cPanels, int mp, double[] gt) {
        checkPadding(mp);
        // out = gt (rows: inputs k), a[r, q] = x[xo + (s0 + q)*d + k + r], panel = C's. Samples in blocks,
        // outermost, so each element's chain still runs in increasing s. Within a block, whichever operand
        // is reused stays in cache: with short inputs, all of the block's inputs are packed at once and a
        // block's slice of a panel of C stays in L1 while they pass; with long inputs (the packed block
        // no longer fits in L2), eight inputs are packed at a time and stay in L1 while all units pass.
        int tiles = (d + ROWS - 1) / ROWS;
        boolean shortInputs = (long) tiles * ROWS * Math.min(n, SAMPLE_BLOCK) * Double.BYTES <= PACKED_BLOCK_BYTES;
        double[] xp = packing(ROWS * Math.min(n, SAMPLE_BLOCK) * (shortInputs ? tiles : 1));
        for (int s0 = 0; s0 < n; s0 += SAMPLE_BLOCK) {
            int samples = Math.min(n, s0 + SAMPLE_BLOCK) - s0;
            int tileStride = ROWS * samples;
            if (shortInputs) {
                for (int t = 0; t < tiles; t++) {
                    packInputs(x, xo, d, s0, samples, firstRow(t * ROWS, d), xp, t * tileStride);
                }
                for (int j = 0; j < mp; j += 2 * L) {
                    int panel = ((j / PANEL) * n + s0) * PANEL + j % PANEL;
                    for (int t = 0; t < tiles; t++) {
                        inputTile(t, d, gt, mp, j, xp, t * tileStride, samples, cPanels, panel);
                    }
                }
            } else {
                for (int t = 0; t < tiles; t++) {
                    packInputs(x, xo, d, s0, samples, firstRow(t * ROWS, d), xp, 0);
                    for (int j = 0; j < mp; j += 2 * L) {
                        int panel = ((j / PANEL) * n + s0) * PANEL + j % PANEL;
                        inputTile(t, d, gt, mp, j, xp, 0, samples, cPanels, panel);
                    }
                }
            }
        }
    }

    /** The tile of inputs t (8 from {@code firstRow(8t, d)}) of the backward product, units j on. */
    private static void inputTile(int t, int d, double[] gt, int mp, int j, double[] xp, int po, int samples,
                                  double[] cPanels, int panel) {
        int first = firstRow(t * ROWS, d);
        tiles(Math.min(ROWS, d - first), t * ROWS - first, gt, first * mp + j, mp, xp, po, samples, cPanels, panel);
    }

    /** Packs inputs first..first+7 (fewer if d is) of samples s0..s0+samples-1: xp[po + q*8 + r]. */
    private static void packInputs(double[] x, int xo, int d, int s0, int samples, int first, double[] xp, int po) {
        int rows = Math.min(ROWS, d - first);
        for (int q = 0; q < samples; q++) {
            System.arraycopy(x, xo + (s0 + q) * d + first, xp, po + q * ROWS, rows);
        }
    }

    private double[] packing(int length) {
        if (packed.length < length) {
            packed = new double[length];
        }
        return packed;
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
        return Math.max(0, Math.min(row, rows - ROWS));
    }

    /**
     * The tile of {@code rows} rows (8, or all there are when fewer) from row 0 of {@code out} at
     * {@code oo}, storing rows from {@code skip} on: one {@link #tile8}, or one {@link #tile1} per row.
     */
    private static void tiles(int rows, int skip, double[] out, int oo, int os, double[] packed, int po, int steps,
                              double[] panel, int panelOffset) {
        if (rows == ROWS) {
            tile8(out, oo, os, packed, po, steps, panel, panelOffset, skip);
        } else {
            for (int r = skip; r < rows; r++) {
                tile1(out, oo + r * os, packed, po + r, steps, panel, panelOffset);
            }
        }
    }

    /**
     * Rows r = skip..7 of {@code out} from {@code oo} (row stride {@code os}), two vectors wide:
     * out[oo + r*os + v] += sum over q below {@code steps} of a[po + q*8 + r] * panel[pp + q*PANEL + v].
     * Rows below {@code skip} are computed too, from the same start, but not stored: they belong to the
     * tile before, which stored them already.
     */
    private static void tile8(double[] out, int oo, int os, double[] a, int po, int steps, double[] panel, int pp,
                              int skip) {
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
        for (int q = 0; q < steps; q++) {
            int ro = pp + q * PANEL;
            DoubleVector r0 = DoubleVector.fromArray(SPECIES, panel, ro);
            DoubleVector r1 = DoubleVector.fromArray(SPECIES, panel, ro + L);
            int a0 = po + q * ROWS;
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[a0]);
            c00 = s.fma(r0, c00);
            c01 = s.fma(r1, c01);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 1]);
            c10 = s.fma(r0, c10);
            c11 = s.fma(r1, c11);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 2]);
            c20 = s.fma(r0, c20);
            c21 = s.fma(r1, c21);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 3]);
            c30 = s.fma(r0, c30);
            c31 = s.fma(r1, c31);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 4]);
            c40 = s.fma(r0, c40);
            c41 = s.fma(r1, c41);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 5]);
            c50 = s.fma(r0, c50);
            c51 = s.fma(r1, c51);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 6]);
            c60 = s.fma(r0, c60);
            c61 = s.fma(r1, c61);
            s = DoubleVector.broadcast(SPECIES, a[a0 + 7]);
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

    /** One row of {@link #tile8}: a[po + q*8]. */
    private static void tile1(double[] out, int oo, double[] a, int po, int steps, double[] panel, int pp) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, out, oo);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, out, oo + L);
        for (int q = 0; q < steps; q++) {
            int ro = pp + q * PANEL;
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[po + q * ROWS]);
            c0 = s.fma(DoubleVector.fromArray(SPECIES, panel, ro), c0);
            c1 = s.fma(DoubleVector.fromArray(SPECIES, panel, ro + L), c1);
        }
        c0.intoArray(out, oo);
        c1.intoArray(out, oo + L);
    }
}
