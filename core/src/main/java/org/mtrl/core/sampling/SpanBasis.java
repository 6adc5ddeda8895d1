package org.mtrl.core.sampling;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.Workers;
import org.mtrl.core.linalg.Vectors;

/**
 * An orthonormal basis Q of the span of the ground truth's columns and a first layer's rows, by
 * Gram-Schmidt run twice per vector ("twice is enough": the second pass restores orthogonality to
 * machine precision). A vector left with at most {@link #DEPENDENT} of its norm after both passes adds
 * nothing and is dropped, so k is the numerical rank of [M W^T] (k &lt;= r + m, and k &lt;= d).
 *
 * <p>Exactness of projected sampling needs only that span(Q) contains the rows of W and the columns of
 * M; how Q is chosen inside that does not matter, so the threshold is a matter of numerical hygiene.
 * The columns of M come first, so span(M) is exactly the first r basis vectors' span.
 */
final class SpanBasis {
    /** Relative residual norm below which a vector counts as lying in the span of the earlier ones. */
    static final double DEPENDENT = 1e-10;
    /** Coordinates per unit of parallel work when subtracting projections. */
    private static final int BLOCK = 2048;

    private SpanBasis() {
    }

    /**
     * Q^T (k x d, orthonormal rows) for the ground truth {@code truth} (d x r) and the first layer
     * {@code w} (m x d). The projections of each new vector on the basis so far are computed in
     * parallel over basis vectors (each a fixed-order dot product), so the result does not depend on
     * the thread count.
     */
    static Matrix of(Subspace truth, Matrix w, Workers workers) {
        int d = truth.dim();
        int r = truth.rank();
        int m = w.rows();
        int most = Math.min(d, r + m);
        double[] q = new double[Math.multiplyExact(most, d)];
        double[] v = new double[d];
        double[] coefficients = new double[most];
        int blocks = (d + BLOCK - 1) / BLOCK;
        int k = 0;
        for (int c = 0; c < r + m && k < most; c++) {
            if (c < r) {
                for (int i = 0; i < d; i++) {
                    v[i] = truth.basis().get(i, c);
                }
            } else {
                System.arraycopy(w.data(), (c - r) * d, v, 0, d);
            }
            double original = norm(v);
            if (original == 0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                int known = k;
                workers.forEach(known, a -> coefficients[a] = Vectors.dot(q, a * d, v, 0, d));
                // v -= sum_a coefficients[a] q_a, by blocks of coordinates, each in increasing a
                workers.forEach(blocks, b -> {
                    int from = b * BLOCK;
                    int width = Math.min(BLOCK, d - from);
                    for (int a = 0; a < known; a++) {
                        Vectors.axpy(-coefficients[a], q, a * d + from, v, from, width);
                    }
                });
            }
            double residual = norm(v);
            if (residual <= DEPENDENT * original) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                q[k * d + i] = v[i] / residual;
            }
            k++;
        }
        double[] rows = new double[k * d];
        System.arraycopy(q, 0, rows, 0, rows.length);
        return new Matrix(k, d, rows);
    }

    private static double norm(double[] v) {
        return Math.sqrt(Vectors.dot(v, 0, v, 0, v.length));
    }
}
