package org.mtrl.plugins.relu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ChunkKernels} on the incubating Vector API, register-blocked. Both products have the same
 * shape, out[r*mp + j] += sum_q a[q*stride + r] * rows[q*mp + j]: a tile of 4 output rows x 2 vectors
 * of units stays in registers while q runs, each step one pair of vector loads, four broadcasts and
 * eight FMAs. Each element's chain is the one {@link PlainChunkKernels} computes, so results agree bit
 * for bit. Loaded only when selected, so the plugin runs on JVMs without the module.
 */
final class VectorChunkKernels implements ChunkKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    /** Samples per block of the backward product: 128 x 2 vectors of C is 16 KB at AVX-512. */
    private static final int SAMPLE_BLOCK = 128;
    /** A block of x up to this size is kept in L2 (of 1-2 MB on current x86 cores) by the backward order. */
    private static final long INPUT_BLOCK_BYTES = 256 * 1024;

    @Override
    public void forward(double[] x, int n, int d, double[] wt, int mp, double[] b, double[] z) {
        checkPadding(mp);
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, z, s * mp, mp);
        }
        // out = z (rows: samples), a = x (a[s*d + k]), q = k over a panel, rows = wt. Samples outside
        // the units: four samples' panel of x stays in L1 while the panel of wt passes from L2.
        for (int k0 = 0; k0 < d; k0 += PlainChunkKernels.PANEL) {
            int k1 = Math.min(d, k0 + PlainChunkKernels.PANEL);
            int s = 0;
            for (; s + 3 < n; s += 4) {
                for (int j = 0; j < mp; j += 2 * L) {
                    tile4(z, s * mp + j, mp, x, s * d, d, 1, k0, k1, wt, j, mp);
                }
            }
            for (; s < n; s++) {
                for (int j = 0; j < mp; j += 2 * L) {
                    tile1(z, s * mp + j, x, s * d, 1, k0, k1, wt, j, mp);
                }
            }
        }
    }

    @Override
    public void backward(double[] x, int n, int d, double[] c, int mp, double[] gt) {
        checkPadding(mp);
        // out = gt (rows: inputs k), a = x (a[s*d + k]), q = s, rows = c. Samples in blocks, outermost,
        // so each element's chain still runs in increasing s. Within a block, whichever operand is
        // reused stays in cache: with short inputs, a block's slice of c for two vectors of units stays
        // in L1 while the inputs pass; with long inputs (the block of x no longer fits in L2), four
        // inputs of the block stay in L1 while all units pass.
        for (int s0 = 0; s0 < n; s0 += SAMPLE_BLOCK) {
            int s1 = Math.min(n, s0 + SAMPLE_BLOCK);
            if ((long) (s1 - s0) * d * Double.BYTES <= INPUT_BLOCK_BYTES) {
                for (int j = 0; j < mp; j += 2 * L) {
                    int k = 0;
                    for (; k + 3 < d; k += 4) {
                        tile4(gt, k * mp + j, mp, x, k, 1, d, s0, s1, c, j, mp);
                    }
                    for (; k < d; k++) {
                        tile1(gt, k * mp + j, x, k, d, s0, s1, c, j, mp);
                    }
                }
            } else {
                int k = 0;
                for (; k + 3 < d; k += 4) {
                    for (int j = 0; j < mp; j += 2 * L) {
                        tile4(gt, k * mp + j, mp, x, k, 1, d, s0, s1, c, j, mp);
                    }
                }
                for (; k < d; k++) {
                    for (int j = 0; j < mp; j += 2 * L) {
                        tile1(gt, k * mp + j, x, k, d, s0, s1, c, j, mp);
                    }
                }
            }
        }
    }

    private static void checkPadding(int mp) {
        if (mp % (2 * L) != 0) {
            throw new IllegalArgumentException("padded width " + mp + " is not a multiple of " + 2 * L);
        }
    }

    /**
     * Rows r = 0..3 of {@code out} from {@code oo} (row stride {@code os}), two vectors wide:
     * out[oo + r*os + v] += sum over q in [q0, q1) of a[ao + r*ar + q*aq] * rows[q*mp + j + v].
     */
    private static void tile4(double[] out, int oo, int os, double[] a, int ao, int ar, int aq, int q0, int q1,
                              double[] rows, int j, int mp) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, out, oo);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, out, oo + L);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, out, oo + os);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, out, oo + os + L);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, out, oo + 2 * os);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, out, oo + 2 * os + L);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, out, oo + 3 * os);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, out, oo + 3 * os + L);
        for (int q = q0; q < q1; q++) {
            int ro = q * mp + j;
            DoubleVector r0 = DoubleVector.fromArray(SPECIES, rows, ro);
            DoubleVector r1 = DoubleVector.fromArray(SPECIES, rows, ro + L);
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
        }
        c00.intoArray(out, oo);
        c01.intoArray(out, oo + L);
        c10.intoArray(out, oo + os);
        c11.intoArray(out, oo + os + L);
        c20.intoArray(out, oo + 2 * os);
        c21.intoArray(out, oo + 2 * os + L);
        c30.intoArray(out, oo + 3 * os);
        c31.intoArray(out, oo + 3 * os + L);
    }

    /** One row of {@link #tile4}: the leftover samples or inputs. */
    private static void tile1(double[] out, int oo, double[] a, int ao, int aq, int q0, int q1,
                              double[] rows, int j, int mp) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, out, oo);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, out, oo + L);
        for (int q = q0; q < q1; q++) {
            int ro = q * mp + j;
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[ao + q * aq]);
            c0 = s.fma(DoubleVector.fromArray(SPECIES, rows, ro), c0);
            c1 = s.fma(DoubleVector.fromArray(SPECIES, rows, ro + L), c1);
        }
        c0.intoArray(out, oo);
        c1.intoArray(out, oo + L);
    }
}
