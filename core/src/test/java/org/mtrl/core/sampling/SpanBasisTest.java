package org.mtrl.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.testing.RandomBases;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

class SpanBasisTest {

    @Test
    void theBasisIsOrthonormalAndHoldsTheGroundTruthAndTheRows() {
        RandomStream rng = new SeededRandomStreams(3).stream("test");
        // 33 candidates: three panels of SpanBasis.PANEL
        Subspace truth = new Subspace(RandomBases.orthonormal(1100, 3, rng));
        Matrix w = Matrix.zeros(30, 1100);
        rng.nextGaussians(w.data(), 0, w.data().length);
        for (int j = 0; j < 1100; j++) {
            w.set(25, j, w.get(2, j) - w.get(20, j)); // dependent on rows of two earlier panels
        }
        Matrix q = basis(truth, w, 2);
        assertEquals(32, q.rows());
        assertOrthonormalRows(q);
        for (int c = 0; c < 3; c++) {
            assertInSpan(q, column(truth.basis(), c));
        }
        for (int i = 0; i < 30; i++) {
            assertInSpan(q, w.row(i));
        }
    }

    @Test
    void dependentAndZeroRowsAddNoDirection() {
        RandomStream rng = new SeededRandomStreams(4).stream("test");
        Subspace truth = new Subspace(RandomBases.orthonormal(20, 2, rng));
        Matrix w = Matrix.zeros(4, 20);
        rng.nextGaussians(w.data(), 0, 20);                  // row 0 random
        for (int j = 0; j < 20; j++) {
            w.set(1, j, 3 * w.get(0, j));                   // row 1 = 3 row 0
            w.set(2, j, truth.basis().get(j, 1) - 2 * w.get(0, j)); // row 2 in span(M, row 0)
        }                                                    // row 3 zero
        Matrix q = basis(truth, w, 1);
        assertEquals(3, q.rows(), "span(M) and row 0 only");
        assertOrthonormalRows(q);
        for (int i = 0; i < 4; i++) {
            assertInSpan(q, w.row(i));
        }
    }

    /**
     * A row a {@code 1e-12} of its norm off the span is in it, one {@code 1e-8} off it adds a direction,
     * whatever the row's scale: the threshold is relative to the row's own norm. Ground truth e_0, e_1;
     * row 0 = e_2; the other rows lie along e_2 but for a small part along e_3.
     */
    @Test
    void aRowIsInTheSpanByItsResidualRelativeToItsOwnNorm() {
        Subspace truth = new Subspace(new Matrix(20, 2, unitColumns(20, 0, 1)));
        for (double scale : new double[] {1e-3, 1, 1e3}) {
            assertEquals(3, basis(truth, nearlyAlongE2(scale, 1e-12), 1).rows(), "1e-12 off at scale " + scale);
            assertEquals(4, basis(truth, nearlyAlongE2(scale, 1e-8), 1).rows(), "1e-8 off at scale " + scale);
        }
    }

    /** Rows e_2 and scale (e_2 + off e_3), 20 wide. */
    private static Matrix nearlyAlongE2(double scale, double off) {
        Matrix w = Matrix.zeros(2, 20);
        w.set(0, 2, 1);
        w.set(1, 2, scale);
        w.set(1, 3, scale * off);
        return w;
    }

    /** A d x r matrix whose columns are the unit vectors e_i for the given i. */
    private static double[] unitColumns(int d, int... axes) {
        double[] out = new double[d * axes.length];
        for (int c = 0; c < axes.length; c++) {
            out[axes[c] * axes.length + c] = 1;
        }
        return out;
    }

    @Test
    void atMostDDirections() {
        RandomStream rng = new SeededRandomStreams(5).stream("test");
        Subspace truth = new Subspace(RandomBases.orthonormal(5, 2, rng));
        Matrix w = Matrix.zeros(7, 5);
        rng.nextGaussians(w.data(), 0, w.data().length);
        Matrix q = basis(truth, w, 1);
        assertEquals(5, q.rows());
        assertOrthonormalRows(q);
    }

    @Test
    void theBasisIsTheSameBitsOnAnyThreadCount() {
        RandomStream rng = new SeededRandomStreams(6).stream("test");
        Subspace truth = new Subspace(RandomBases.orthonormal(5000, 3, rng));
        Matrix w = Matrix.zeros(20, 5000);
        rng.nextGaussians(w.data(), 0, w.data().length);
        assertEquals(java.util.Arrays.toString(basis(truth, w, 1).data()),
                java.util.Arrays.toString(basis(truth, w, 4).data()));
    }

    private static Matrix basis(Subspace truth, Matrix w, int threads) {
        try (PoolWorkers workers = new PoolWorkers(threads)) {
            SpanBasis.Basis basis = SpanBasis.of(truth, w, workers);
            assertCoordinates(basis, truth, w);
            return basis.rows();
        }
    }

    /** W Q and Q^T M by plain loops equal the coordinates the orthogonalisation kept. */
    private static void assertCoordinates(SpanBasis.Basis basis, Subspace truth, Matrix w) {
        Matrix q = basis.rows();
        for (int c = 0; c < q.rows(); c++) {
            for (int i = 0; i < w.rows(); i++) {
                double s = 0;
                for (int j = 0; j < q.cols(); j++) {
                    s += w.get(i, j) * q.get(c, j);
                }
                assertEquals(s, basis.firstLayer().get(i, c), 1e-10, "W Q at " + i + ", " + c);
            }
            for (int i = 0; i < truth.rank(); i++) {
                double s = 0;
                for (int j = 0; j < q.cols(); j++) {
                    s += truth.basis().get(j, i) * q.get(c, j);
                }
                assertEquals(s, basis.groundTruth().get(c, i), 1e-12, "Q^T M at " + c + ", " + i);
            }
        }
    }

    private static double[] column(Matrix a, int c) {
        double[] out = new double[a.rows()];
        for (int i = 0; i < a.rows(); i++) {
            out[i] = a.get(i, c);
        }
        return out;
    }

    static void assertOrthonormalRows(Matrix q) {
        for (int a = 0; a < q.rows(); a++) {
            for (int b = 0; b < q.rows(); b++) {
                double dot = 0;
                for (int j = 0; j < q.cols(); j++) {
                    dot += q.get(a, j) * q.get(b, j);
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-12, "rows " + a + ", " + b);
            }
        }
    }

    /** v - Q^T Q v is zero: v lies in the span of Q's rows. */
    private static void assertInSpan(Matrix q, double[] v) {
        double[] residual = v.clone();
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        for (int a = 0; a < q.rows(); a++) {
            double c = 0;
            for (int j = 0; j < v.length; j++) {
                c += q.get(a, j) * v[j];
            }
            for (int j = 0; j < v.length; j++) {
                residual[j] -= c * q.get(a, j);
            }
        }
        double left = 0;
        for (double x : residual) {
            left += x * x;
        }
        assertEquals(0, Math.sqrt(left), 1e-12 * Math.max(1, Math.sqrt(norm)));
    }
}
