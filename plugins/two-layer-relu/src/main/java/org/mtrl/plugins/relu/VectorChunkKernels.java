package org.mtrl.plugins.relu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ChunkKernels} on the incubating Vector API, register-blocked: the forward keeps a 4 samples x
 * 2 vectors tile of pre-activations in registers while it runs over a panel of input indices; the
 * backward keeps 4 vectors of one gradient row in registers while it runs over that row's samples.
 * Each element's FMA chain is the one {@link PlainChunkKernels} computes, so results agree bit for bit.
 * Loaded only when selected, so the plugin runs on JVMs without the module.
 */
final class VectorChunkKernels implements ChunkKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    @Override
    public void forward(double[] x, int n, int d, double[] wt, int m, double[] b, double[] z) {
        for (int s = 0; s < n; s++) {
            System.arraycopy(b, 0, z, s * m, m);
        }
        for (int k0 = 0; k0 < d; k0 += PlainChunkKernels.PANEL) {
            int k1 = Math.min(d, k0 + PlainChunkKernels.PANEL);
            int s = 0;
            for (; s + 3 < n; s += 4) {
                int j = 0;
                for (; j + 2 * L <= m; j += 2 * L) {
                    tile4x2(x, s, d, k0, k1, wt, m, j, z);
                }
                for (; j + L <= m; j += L) {
                    tile4x1(x, s, d, k0, k1, wt, m, j, z);
                }
                for (int q = s; q < s + 4; q++) {
                    scalar(x, q, d, k0, k1, wt, m, j, z);
                }
            }
            for (; s < n; s++) {
                scalar(x, s, d, k0, k1, wt, m, 0, z);
            }
        }
    }

    private static void tile4x2(double[] x, int s, int d, int k0, int k1, double[] wt, int m, int j, double[] z) {
        int z0 = s * m + j;
        int z1 = z0 + m;
        int z2 = z1 + m;
        int z3 = z2 + m;
        DoubleVector a00 = DoubleVector.fromArray(SPECIES, z, z0);
        DoubleVector a01 = DoubleVector.fromArray(SPECIES, z, z0 + L);
        DoubleVector a10 = DoubleVector.fromArray(SPECIES, z, z1);
        DoubleVector a11 = DoubleVector.fromArray(SPECIES, z, z1 + L);
        DoubleVector a20 = DoubleVector.fromArray(SPECIES, z, z2);
        DoubleVector a21 = DoubleVector.fromArray(SPECIES, z, z2 + L);
        DoubleVector a30 = DoubleVector.fromArray(SPECIES, z, z3);
        DoubleVector a31 = DoubleVector.fromArray(SPECIES, z, z3 + L);
        int x0 = s * d;
        for (int k = k0; k < k1; k++) {
            int wo = k * m + j;
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, wt, wo);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, wt, wo + L);
            DoubleVector c = DoubleVector.broadcast(SPECIES, x[x0 + k]);
            a00 = c.fma(w0, a00);
            a01 = c.fma(w1, a01);
            c = DoubleVector.broadcast(SPECIES, x[x0 + d + k]);
            a10 = c.fma(w0, a10);
            a11 = c.fma(w1, a11);
            c = DoubleVector.broadcast(SPECIES, x[x0 + 2 * d + k]);
            a20 = c.fma(w0, a20);
            a21 = c.fma(w1, a21);
            c = DoubleVector.broadcast(SPECIES, x[x0 + 3 * d + k]);
            a30 = c.fma(w0, a30);
            a31 = c.fma(w1, a31);
        }
        a00.intoArray(z, z0);
        a01.intoArray(z, z0 + L);
        a10.intoArray(z, z1);
        a11.intoArray(z, z1 + L);
        a20.intoArray(z, z2);
        a21.intoArray(z, z2 + L);
        a30.intoArray(z, z3);
        a31.intoArray(z, z3 + L);
    }

    private static void tile4x1(double[] x, int s, int d, int k0, int k1, double[] wt, int m, int j, double[] z) {
        int z0 = s * m + j;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, z, z0);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, z, z0 + m);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, z, z0 + 2 * m);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, z, z0 + 3 * m);
        int x0 = s * d;
        for (int k = k0; k < k1; k++) {
            DoubleVector w = DoubleVector.fromArray(SPECIES, wt, k * m + j);
            a0 = DoubleVector.broadcast(SPECIES, x[x0 + k]).fma(w, a0);
            a1 = DoubleVector.broadcast(SPECIES, x[x0 + d + k]).fma(w, a1);
            a2 = DoubleVector.broadcast(SPECIES, x[x0 + 2 * d + k]).fma(w, a2);
            a3 = DoubleVector.broadcast(SPECIES, x[x0 + 3 * d + k]).fma(w, a3);
        }
        a0.intoArray(z, z0);
        a1.intoArray(z, z0 + m);
        a2.intoArray(z, z0 + 2 * m);
        a3.intoArray(z, z0 + 3 * m);
    }

    /** Columns {@code [j, m)} of sample s over the panel, one element at a time. */
    private static void scalar(double[] x, int s, int d, int k0, int k1, double[] wt, int m, int j, double[] z) {
        for (int col = j; col < m; col++) {
            double acc = z[s * m + col];
            for (int k = k0; k < k1; k++) {
                acc = Math.fma(x[s * d + k], wt[k * m + col], acc);
            }
            z[s * m + col] = acc;
        }
    }

    @Override
    public void backward(int[] rowStart, int[] sample, double[] coef, int m, double[] x, int d, double[] grad) {
        int k = 0;
        for (; k + 4 * L <= d; k += 4 * L) {
            for (int j = 0; j < m; j++) {
                int go = j * d + k;
                DoubleVector g0 = DoubleVector.fromArray(SPECIES, grad, go);
                DoubleVector g1 = DoubleVector.fromArray(SPECIES, grad, go + L);
                DoubleVector g2 = DoubleVector.fromArray(SPECIES, grad, go + 2 * L);
                DoubleVector g3 = DoubleVector.fromArray(SPECIES, grad, go + 3 * L);
                for (int e = rowStart[j], end = rowStart[j + 1]; e < end; e++) {
                    DoubleVector c = DoubleVector.broadcast(SPECIES, coef[e]);
                    int xo = sample[e] * d + k;
                    g0 = c.fma(DoubleVector.fromArray(SPECIES, x, xo), g0);
                    g1 = c.fma(DoubleVector.fromArray(SPECIES, x, xo + L), g1);
                    g2 = c.fma(DoubleVector.fromArray(SPECIES, x, xo + 2 * L), g2);
                    g3 = c.fma(DoubleVector.fromArray(SPECIES, x, xo + 3 * L), g3);
                }
                g0.intoArray(grad, go);
                g1.intoArray(grad, go + L);
                g2.intoArray(grad, go + 2 * L);
                g3.intoArray(grad, go + 3 * L);
            }
        }
        for (; k + L <= d; k += L) {
            for (int j = 0; j < m; j++) {
                int go = j * d + k;
                DoubleVector g = DoubleVector.fromArray(SPECIES, grad, go);
                for (int e = rowStart[j], end = rowStart[j + 1]; e < end; e++) {
                    g = DoubleVector.broadcast(SPECIES, coef[e])
                            .fma(DoubleVector.fromArray(SPECIES, x, sample[e] * d + k), g);
                }
                g.intoArray(grad, go);
            }
        }
        if (k < d) {
            for (int j = 0; j < m; j++) {
                for (int e = rowStart[j], end = rowStart[j + 1]; e < end; e++) {
                    double c = coef[e];
                    int xo = sample[e] * d;
                    for (int i = k; i < d; i++) {
                        grad[j * d + i] = Math.fma(c, x[xo + i], grad[j * d + i]);
                    }
                }
            }
        }
    }
}
