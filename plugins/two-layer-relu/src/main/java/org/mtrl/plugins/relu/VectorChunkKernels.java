package org.mtrl.plugins.relu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ChunkKernels} on the incubating Vector API, register-blocked: the forward keeps a 4 samples x
 * 2 vectors tile of pre-activations in registers while it runs over a panel of input indices; the
 * backward keeps a 4 rows x 2 vectors tile of the gradient in registers while the samples pass.
 * Each element's FMA chain is the one {@link PlainChunkKernels} computes, so results agree bit for bit.
 * Loaded only when selected, so the plugin runs on JVMs without the module.
 */
final class VectorChunkKernels implements ChunkKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    /** Half the preferred width, for tails (4 lanes on AVX-512, 2 on AVX2). */
    private static final VectorSpecies<Double> HALF = VectorSpecies.of(double.class,
            jdk.incubator.vector.VectorShape.forBitSize(Math.max(128, SPECIES.vectorBitSize() / 2)));
    private static final int HALF_L = HALF.length();

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
    public void backward(double[] c, int n, int m, double[] x, int d, double[] grad) {
        int k = 0;
        for (; k + 2 * L <= d; k += 2 * L) {
            int j = 0;
            for (; j + 3 < m; j += 4) {
                backwardTile4x2(c, n, m, x, d, k, j, grad);
            }
            for (; j < m; j++) {
                backwardRow(c, n, m, x, d, k, j, grad);
                backwardRow(c, n, m, x, d, k + L, j, grad);
            }
        }
        for (; k + L <= d; k += L) {
            for (int j = 0; j < m; j++) {
                backwardRow(c, n, m, x, d, k, j, grad);
            }
        }
        for (; k + HALF_L <= d; k += HALF_L) {
            int j = 0;
            for (; j + 3 < m; j += 4) {
                backwardHalfTile4(c, n, m, x, d, k, j, grad);
            }
            for (; j < m; j++) {
                backwardScalar(c, n, m, x, d, k, k + HALF_L, j, grad);
            }
        }
        for (int j = 0; j < m && k < d; j++) {
            backwardScalar(c, n, m, x, d, k, d, j, grad);
        }
    }

    /** Rows j..j+3, columns k..k+2L of the gradient in registers while the samples pass. */
    private static void backwardTile4x2(double[] c, int n, int m, double[] x, int d, int k, int j, double[] grad) {
        int g0 = j * d + k;
        int g1 = g0 + d;
        int g2 = g1 + d;
        int g3 = g2 + d;
        DoubleVector a00 = DoubleVector.fromArray(SPECIES, grad, g0);
        DoubleVector a01 = DoubleVector.fromArray(SPECIES, grad, g0 + L);
        DoubleVector a10 = DoubleVector.fromArray(SPECIES, grad, g1);
        DoubleVector a11 = DoubleVector.fromArray(SPECIES, grad, g1 + L);
        DoubleVector a20 = DoubleVector.fromArray(SPECIES, grad, g2);
        DoubleVector a21 = DoubleVector.fromArray(SPECIES, grad, g2 + L);
        DoubleVector a30 = DoubleVector.fromArray(SPECIES, grad, g3);
        DoubleVector a31 = DoubleVector.fromArray(SPECIES, grad, g3 + L);
        for (int s = 0; s < n; s++) {
            int xo = s * d + k;
            int co = s * m + j;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xo);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xo + L);
            DoubleVector b = DoubleVector.broadcast(SPECIES, c[co]);
            a00 = b.fma(x0, a00);
            a01 = b.fma(x1, a01);
            b = DoubleVector.broadcast(SPECIES, c[co + 1]);
            a10 = b.fma(x0, a10);
            a11 = b.fma(x1, a11);
            b = DoubleVector.broadcast(SPECIES, c[co + 2]);
            a20 = b.fma(x0, a20);
            a21 = b.fma(x1, a21);
            b = DoubleVector.broadcast(SPECIES, c[co + 3]);
            a30 = b.fma(x0, a30);
            a31 = b.fma(x1, a31);
        }
        a00.intoArray(grad, g0);
        a01.intoArray(grad, g0 + L);
        a10.intoArray(grad, g1);
        a11.intoArray(grad, g1 + L);
        a20.intoArray(grad, g2);
        a21.intoArray(grad, g2 + L);
        a30.intoArray(grad, g3);
        a31.intoArray(grad, g3 + L);
    }

    /** Row j, columns k..k+L. */
    private static void backwardRow(double[] c, int n, int m, double[] x, int d, int k, int j, double[] grad) {
        int go = j * d + k;
        DoubleVector acc = DoubleVector.fromArray(SPECIES, grad, go);
        for (int s = 0; s < n; s++) {
            acc = DoubleVector.broadcast(SPECIES, c[s * m + j]).fma(DoubleVector.fromArray(SPECIES, x, s * d + k), acc);
        }
        acc.intoArray(grad, go);
    }

    /** Rows j..j+3, columns k..k+L/2 (a tail narrower than one full vector): four independent chains. */
    private static void backwardHalfTile4(double[] c, int n, int m, double[] x, int d, int k, int j, double[] grad) {
        int g0 = j * d + k;
        DoubleVector a0 = DoubleVector.fromArray(HALF, grad, g0);
        DoubleVector a1 = DoubleVector.fromArray(HALF, grad, g0 + d);
        DoubleVector a2 = DoubleVector.fromArray(HALF, grad, g0 + 2 * d);
        DoubleVector a3 = DoubleVector.fromArray(HALF, grad, g0 + 3 * d);
        for (int s = 0; s < n; s++) {
            DoubleVector xs = DoubleVector.fromArray(HALF, x, s * d + k);
            int co = s * m + j;
            a0 = DoubleVector.broadcast(HALF, c[co]).fma(xs, a0);
            a1 = DoubleVector.broadcast(HALF, c[co + 1]).fma(xs, a1);
            a2 = DoubleVector.broadcast(HALF, c[co + 2]).fma(xs, a2);
            a3 = DoubleVector.broadcast(HALF, c[co + 3]).fma(xs, a3);
        }
        a0.intoArray(grad, g0);
        a1.intoArray(grad, g0 + d);
        a2.intoArray(grad, g0 + 2 * d);
        a3.intoArray(grad, g0 + 3 * d);
    }

    /** Row j, columns [k, k1), one element at a time. */
    private static void backwardScalar(double[] c, int n, int m, double[] x, int d, int k, int k1, int j,
                                       double[] grad) {
        for (int col = k; col < k1; col++) {
            double acc = grad[j * d + col];
            for (int s = 0; s < n; s++) {
                acc = Math.fma(c[s * m + j], x[s * d + col], acc);
            }
            grad[j * d + col] = acc;
        }
    }
}
