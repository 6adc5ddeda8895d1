package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitStreams;

/**
 * W = U diag(s) V^T with known V: the basis must span V's first r columns. The singular values at the
 * cut are small (6e-5 against 3e-5, the largest 1), so a Gram matrix (W W^T or W^T W: eigenvalue gap
 * 2.7e-9) would only resolve the subspace to about 1e-16 / 2.7e-9 = 4e-8, the SVD to about 1e-16 / 3e-5.
 */
class TopRightSingularSubspaceTest {
    private static final double[] SINGULAR = {1, 0.3, 1e-4, 6e-5, 3e-5, 2e-5, 1e-5};
    private static final int R = 4;

    @Test
    void aWideMatrixGivesItsTopRightSingularSubspaceToTwelveDigits() {
        check(SINGULAR.length, 60);
    }

    @Test
    void aTallMatrixGivesItsTopRightSingularSubspaceToTwelveDigits() {
        check(12, SINGULAR.length);
    }

    @Test
    void numericallyZeroSingularValuesAreLeftOut() {
        double[] s = {1, 0.5, 1e-7, 0};
        Matrix basis = TopRightSingularSubspace.basis(product(s, 4, 9, 5), 3);
        assertEquals(2, basis.rows());
    }

    /**
     * W with orthogonal rows of norms 1, 3, 2 along e_1, e_2, e_3 (a diagonal with zero columns beside it):
     * its top right singular vectors are e_2, then e_3. The SVD of a diagonal matrix returns its values in
     * the diagonal's order, 1, 3, 2, so this fails unless the basis is picked by size.
     */
    @Test
    void theBasisFollowsTheSizeOfTheSingularValuesNotTheOrderTheDecompositionReturnsThem() {
        for (int d : new int[] {3, 6}) { // tall (the SVD of W) and wide (the SVD of R^T)
            Matrix w = Matrix.zeros(3, d);
            w.set(0, 0, 1);
            w.set(1, 1, 3);
            w.set(2, 2, 2);
            Matrix basis = TopRightSingularSubspace.basis(w, 2);
            assertEquals(2, basis.rows());
            for (int x = 0; x < d; x++) {
                assertEquals(x == 1 ? 1 : 0, Math.abs(basis.get(0, x)), 1e-15, "d=" + d + ": first vector e_2");
                assertEquals(x == 2 ? 1 : 0, Math.abs(basis.get(1, x)), 1e-15, "d=" + d + ": second vector e_3");
            }
        }
    }

    /**
     * A singular value of exactly the tolerance times the largest (4, so that the tolerance's relativity
     * shows) counts as zero ("at or below"); one ulp more counts.
     */
    @Test
    void aSingularValueAtTheToleranceCountsAsZero() {
        double atTolerance = TopRightSingularSubspace.RELATIVE_SINGULAR_TOLERANCE * 4;
        for (int d : new int[] {2, 5}) {
            Matrix w = Matrix.zeros(2, d);
            w.set(0, 0, 4);
            w.set(1, 1, atTolerance);
            assertEquals(1, TopRightSingularSubspace.basis(w, 2).rows(), "d=" + d);
            w.set(1, 1, Math.nextUp(atTolerance));
            assertEquals(2, TopRightSingularSubspace.basis(w, 2).rows(), "d=" + d + ": just above it counts");
        }
    }

    private static void check(int m, int d) {
        Matrix v = KitProblem.randomSubspace(d, SINGULAR.length, new KitStreams(2).stream("v")).basis();
        Matrix basis = TopRightSingularSubspace.basis(product(SINGULAR, m, d, 2), R);
        assertEquals(R, basis.rows());
        for (int a = 0; a < R; a++) {
            for (int b = 0; b < R; b++) {
                assertEquals(a == b ? 1 : 0, dot(basis, a, basis, b), 1e-13, "basis rows " + a + ", " + b);
            }
        }
        for (int i = 0; i < R; i++) {
            // the part of v_i outside the basis' span, by plain loops
            double[] outside = new double[d];
            for (int x = 0; x < d; x++) {
                outside[x] = v.get(x, i);
            }
            for (int c = 0; c < R; c++) {
                double along = 0;
                for (int x = 0; x < d; x++) {
                    along += basis.get(c, x) * v.get(x, i);
                }
                for (int x = 0; x < d; x++) {
                    outside[x] -= along * basis.get(c, x);
                }
            }
            double norm = 0;
            for (double o : outside) {
                norm += o * o;
            }
            assertTrue(Math.sqrt(norm) < 1e-11, "v_" + i + " lies outside the basis by " + Math.sqrt(norm));
        }
    }

    /** U diag(s) V^T (m x d) with Haar U (m x k) and V (d x k) drawn from {@code seed}, k = s.length. */
    private static Matrix product(double[] s, int m, int d, long seed) {
        Matrix u = KitProblem.randomSubspace(m, Math.min(m, s.length), new KitStreams(seed).stream("u")).basis();
        Matrix v = KitProblem.randomSubspace(d, Math.min(d, s.length), new KitStreams(seed).stream("v")).basis();
        Matrix w = Matrix.zeros(m, d);
        for (int k = 0; k < Math.min(u.cols(), v.cols()); k++) {
            for (int i = 0; i < m; i++) {
                for (int x = 0; x < d; x++) {
                    w.set(i, x, w.get(i, x) + u.get(i, k) * s[k] * v.get(x, k));
                }
            }
        }
        return w;
    }

    private static double dot(Matrix a, int i, Matrix b, int j) {
        double sum = 0;
        for (int x = 0; x < a.cols(); x++) {
            sum += a.get(i, x) * b.get(j, x);
        }
        return sum;
    }
}
