package org.mtrl.core.sampling;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.linalg.Vectors;

/**
 * An orthonormal basis Q of the span of the ground truth's columns and a first layer's rows, by block
 * Gram-Schmidt run twice ("twice is enough": the second pass restores orthogonality to machine
 * precision). The candidate vectors (M's columns first, then W's rows) come in panels of
 * {@link #PANEL}; each panel is cleared of the basis so far twice by blocked products
 * ({@link RowProducts}: the basis, about m x d, is streamed a few times per panel, not per vector), then
 * its vectors are orthogonalised among themselves, twice each. A vector left with at most
 * {@link #DEPENDENT} of its norm adds nothing and is dropped, so k is the numerical rank of [M W^T]
 * (k &lt;= r + m, k &lt;= d).
 *
 * <p>The coefficients of every projection are kept: they are the candidates' coordinates in the basis,
 * so W Q and Q^T M come out of the orthogonalisation instead of two more products over d (for a dropped
 * vector, the coordinates of all but its residual of at most {@link #DEPENDENT} of its norm).
 *
 * <p>Exactness of projected sampling needs only that span(Q) contains the rows of W and the columns of
 * M; how Q is chosen inside that does not matter, so the threshold is a matter of numerical hygiene.
 */
final class SpanBasis {
    /** Relative residual norm below which a vector counts as lying in the span of the earlier ones. */
    static final double DEPENDENT = 1e-10;
    /** Candidate vectors cleared of the basis at once. */
    static final int PANEL = 16;

    private SpanBasis() {
    }

    /**
     * The basis and the candidates' coordinates in it.
     *
     * @param rows        Q^T, k x d with orthonormal rows
     * @param firstLayer  W Q, m x k: the first layer's rows in the basis' coordinates
     * @param groundTruth Q^T M, k x r
     */
    record Basis(Matrix rows, Matrix firstLayer, Matrix groundTruth) {
    }

    /** The basis for the ground truth {@code truth} (d x r) and the first layer {@code w} (m x d). */
    static Basis of(Subspace truth, Matrix w, Workers workers) {
        int d = truth.dim();
        int r = truth.rank();
        int m = w.rows();
        int candidates = r + m;
        int most = Math.min(d, candidates);
        double[] q = new double[Math.multiplyExact(most, d)];
        double[] coordinates = new double[candidates * most]; // row c: candidate c in the basis
        int k = 0;
        for (int first = 0; first < candidates; first += PANEL) {
            int size = Math.min(PANEL, candidates - first);
            double[] panel = new double[size * d];
            double[] norms = new double[size];
            for (int p = 0; p < size; p++) {
                candidate(truth, w, first + p, panel, p * d);
                norms[p] = Math.sqrt(Vectors.dot(panel, p * d, panel, p * d, d));
            }
            for (int pass = 0; pass < 2 && k > 0; pass++) {
                double[] c = RowProducts.timesTransposed(q, k, panel, size, d, workers);
                RowProducts.subtractProjections(q, k, c, panel, size, d, workers);
                for (int a = 0; a < k; a++) {
                    for (int p = 0; p < size; p++) {
                        coordinates[(first + p) * most + a] += c[a * size + p];
                    }
                }
            }
            int panelStart = k;
            for (int p = 0; p < size; p++) {
                k = append(q, panelStart, k, panel, p * d, norms[p], coordinates, (first + p) * most, d, workers);
            }
        }
        double[] rows = new double[k * d];
        System.arraycopy(q, 0, rows, 0, rows.length);
        return new Basis(new Matrix(k, d, rows), coordinatesOf(coordinates, most, r, m, k, false),
                coordinatesOf(coordinates, most, 0, r, k, true));
    }

    /**
     * Rows [from, from + count) of the coordinates (each {@code most} wide, the first k used) as a
     * count x k matrix, or its transpose.
     */
    private static Matrix coordinatesOf(double[] coordinates, int most, int from, int count, int k,
                                        boolean transposed) {
        Matrix out = transposed ? Matrix.zeros(k, count) : Matrix.zeros(count, k);
        for (int c = 0; c < count; c++) {
            for (int a = 0; a < k; a++) {
                double value = coordinates[(from + c) * most + a];
                if (transposed) {
                    out.set(a, c, value);
                } else {
                    out.set(c, a, value);
                }
            }
        }
        return out;
    }

    /** Candidate c (a column of M, then a row of W) into {@code out} at {@code offset}. */
    private static void candidate(Subspace truth, Matrix w, int c, double[] out, int offset) {
        int d = truth.dim();
        int r = truth.rank();
        if (c < r) {
            for (int i = 0; i < d; i++) {
                out[offset + i] = truth.basis().get(i, c);
            }
        } else {
            System.arraycopy(w.data(), (c - r) * d, out, offset, d);
        }
    }

    /**
     * Clears the vector at {@code offset} of the basis rows [{@code from}, {@code k}) added from its own
     * panel (the earlier rows were cleared by the panel's products), twice, and appends it normalised
     * unless it is dependent. Returns the new k.
     */
    private static int append(double[] q, int from, int k, double[] panel, int offset, double norm,
                              double[] coordinates, int at, int d, Workers workers) {
        if (norm == 0) {
            return k;
        }
        double[] coefficients = new double[k - from];
        for (int pass = 0; pass < 2; pass++) {
            workers.forEach(k - from, a -> coefficients[a] = Vectors.dot(q, (from + a) * d, panel, offset, d));
            for (int a = 0; a < k - from; a++) {
                Vectors.axpy(-coefficients[a], q, (from + a) * d, panel, offset, d);
                coordinates[at + from + a] += coefficients[a];
            }
        }
        double residual = Math.sqrt(Vectors.dot(panel, offset, panel, offset, d));
        if (residual <= DEPENDENT * norm || k == d) {
            return k; // in the span already (when k = d, the basis spans R^d)
        }
        for (int i = 0; i < d; i++) {
            q[k * d + i] = panel[offset + i] / residual;
        }
        coordinates[at + k] = residual;
        return k + 1;
    }
}
