package org.mtrl.api.data;

import org.mtrl.api.linalg.Matrix;

/**
 * The hidden ground truth: an r-dimensional subspace of R^d given by a basis M (d x r) with
 * orthonormal columns. Labels of every task depend on an input x only through z = M^T x.
 */
public final class Subspace {
    private final Matrix basis;
    /** M^T, r x d row-major: {@link #project} reads each column of M contiguously. */
    private final double[] transposedBasis;

    /**
     * @param basis a d x r matrix whose columns are orthonormal (checked to 1e-8)
     */
    public Subspace(Matrix basis) {
        int d = basis.rows();
        int r = basis.cols();
        if (r < 1 || r > d) {
            throw new IllegalArgumentException("subspace basis must be d x r with 1 <= r <= d, got " + basis);
        }
        double[] m = basis.data();
        for (int a = 0; a < r; a++) {
            for (int b = a; b < r; b++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += m[i * r + a] * m[i * r + b];
                }
                double expected = a == b ? 1 : 0;
                if (Math.abs(dot - expected) > 1e-8) {
                    throw new IllegalArgumentException(
                            "subspace basis columns must be orthonormal; column " + a + " . column " + b + " = " + dot);
                }
            }
        }
        this.basis = basis;
        this.transposedBasis = new double[basis.rows() * basis.cols()];
        for (int i = 0; i < basis.rows(); i++) {
            for (int c = 0; c < basis.cols(); c++) {
                transposedBasis[c * basis.rows() + i] = basis.get(i, c);
            }
        }
    }

    /** M, d x r, orthonormal columns. Callers must not modify it. */
    public Matrix basis() {
        return basis;
    }

    /** The ambient dimension d. */
    public int dim() {
        return basis.rows();
    }

    /** The rank r. */
    public int rank() {
        return basis.cols();
    }

    /**
     * Projects n row-major points: {@code z[k] = M^T x[k]}.
     *
     * @param x n x d inputs
     * @param n number of points
     * @param z n x r output
     */
    public void project(double[] x, int n, double[] z) {
        int d = dim();
        int r = rank();
        int grouped = r - r % 4;
        double[] mt = transposedBasis;
        // Every entry is one chain, summed in increasing i; the chains are interleaved only to hide the
        // adder's latency: four columns of a point share its loads of x, and the r % 4 columns left
        // over run for four points at a time (one point at a time, a fifth column cost as much as four).
        for (int k = 0; k < n; k++) {
            int xo = k * d;
            int zo = k * r;
            for (int c = 0; c < grouped; c += 4) {
                int m0 = c * d;
                int m1 = m0 + d;
                int m2 = m1 + d;
                int m3 = m2 + d;
                double z0 = 0;
                double z1 = 0;
                double z2 = 0;
                double z3 = 0;
                for (int i = 0; i < d; i++) {
                    double xi = x[xo + i];
                    z0 += xi * mt[m0 + i];
                    z1 += xi * mt[m1 + i];
                    z2 += xi * mt[m2 + i];
                    z3 += xi * mt[m3 + i];
                }
                z[zo + c] = z0;
                z[zo + c + 1] = z1;
                z[zo + c + 2] = z2;
                z[zo + c + 3] = z3;
            }
        }
        for (int c = grouped; c < r; c++) {
            int mo = c * d;
            int k = 0;
            for (; k + 3 < n; k += 4) {
                int x0 = k * d;
                int x1 = x0 + d;
                int x2 = x1 + d;
                int x3 = x2 + d;
                double z0 = 0;
                double z1 = 0;
                double z2 = 0;
                double z3 = 0;
                for (int i = 0; i < d; i++) {
                    double mi = mt[mo + i];
                    z0 += x[x0 + i] * mi;
                    z1 += x[x1 + i] * mi;
                    z2 += x[x2 + i] * mi;
                    z3 += x[x3 + i] * mi;
                }
                z[k * r + c] = z0;
                z[(k + 1) * r + c] = z1;
                z[(k + 2) * r + c] = z2;
                z[(k + 3) * r + c] = z3;
            }
            for (; k < n; k++) {
                int xo = k * d;
                double zc = 0;
                for (int i = 0; i < d; i++) {
                    zc += x[xo + i] * mt[mo + i];
                }
                z[k * r + c] = zc;
            }
        }
    }
}
