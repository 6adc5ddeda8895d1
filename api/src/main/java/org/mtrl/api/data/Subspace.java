package org.mtrl.api.data;

import org.mtrl.api.linalg.Matrix;

/**
 * The hidden ground truth: an r-dimensional subspace of R^d given by a basis M (d x r) with
 * orthonormal columns. Labels of every task depend on an input x only through z = M^T x.
 */
public final class Subspace {
    private final Matrix basis;

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
        double[] m = basis.data();
        for (int k = 0; k < n; k++) {
            int zo = k * r;
            for (int c = 0; c < r; c++) {
                z[zo + c] = 0;
            }
            int xo = k * d;
            for (int i = 0; i < d; i++) {
                double xi = x[xo + i];
                int mo = i * r;
                for (int c = 0; c < r; c++) {
                    z[zo + c] += xi * m[mo + c];
                }
            }
        }
    }
}
