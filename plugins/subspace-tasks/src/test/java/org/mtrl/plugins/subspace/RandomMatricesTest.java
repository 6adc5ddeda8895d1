package org.mtrl.plugins.subspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.testing.RandomBases;

class RandomMatricesTest {

    /**
     * Q is the sign-fixed Q factor of the Gaussian matrix the stream gives (row-major draws): checked
     * by plain loops, Q^T Q = I, R = Q^T G upper triangular with a positive diagonal, and G = Q R.
     */
    @Test
    void theBasisIsTheSignFixedQFactorOfTheStreamsGaussianMatrix() {
        int d = 37;
        int r = 5;
        Matrix q = RandomMatrices.haarOrthonormal(d, r, new SeededRandomStreams(7).stream("m"));

        var rng = new SeededRandomStreams(7).stream("m");
        double[][] g = new double[d][r];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < r; j++) {
                g[i][j] = rng.nextGaussian();
            }
        }
        double[][] upper = new double[r][r];
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                double qq = 0;
                double qg = 0;
                for (int i = 0; i < d; i++) {
                    qq += q.get(i, a) * q.get(i, b);
                    qg += q.get(i, a) * g[i][b];
                }
                assertEquals(a == b ? 1 : 0, qq, 1e-14, "Q^T Q at " + a + "," + b);
                upper[a][b] = qg;
                if (a > b) {
                    assertEquals(0, qg, 1e-12, "R below the diagonal at " + a + "," + b);
                }
            }
            assertTrue(upper[a][a] > 0, "R's diagonal must be positive, got " + upper[a][a]);
        }
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < r; b++) {
                double qr = 0;
                for (int a = 0; a <= b; a++) {
                    qr += q.get(i, a) * upper[a][b];
                }
                assertEquals(g[i][b], qr, 1e-12, "G = QR at " + i + "," + b);
            }
        }
    }

    /** Same seed, same bits. */
    @Test
    void theSameStreamGivesTheSameBasis() {
        Matrix a = RandomMatrices.haarOrthonormal(50, 4, new SeededRandomStreams(3).stream("m"));
        Matrix b = RandomMatrices.haarOrthonormal(50, 4, new SeededRandomStreams(3).stream("m"));
        assertArrayEquals(a.data(), b.data());
    }

    /** A large dimension needs d x r memory, not the d x d of a full Q (80 GB here). */
    @Test
    void aLargeDimensionNeedsOnlyDTimesRMemory() {
        Matrix m = RandomMatrices.haarOrthonormal(100_000, 3, new SeededRandomStreams(1).stream("m"));
        assertEquals(3, new Subspace(m).rank());
    }

    /** With the sign fix, M^T G is upper triangular with a positive diagonal: G = M R, R's diagonal > 0. */
    @Test
    void columnsAreOrthonormalAndSpanTheGaussianMatrixWithAPositiveDiagonal() {
        int d = 6;
        int r = 3;
        Matrix m = RandomMatrices.haarOrthonormal(d, r, new SeededRandomStreams(2).stream("m"));
        var replay = new SeededRandomStreams(2).stream("m");
        double[] g = new double[d * r];
        for (int i = 0; i < g.length; i++) {
            g[i] = replay.nextGaussian();
        }
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                double mm = 0;
                double mg = 0;
                for (int i = 0; i < d; i++) {
                    mm += m.get(i, a) * m.get(i, b);
                    mg += m.get(i, a) * g[i * r + b];
                }
                assertEquals(a == b ? 1 : 0, mm, 1e-12, "M^T M at " + a + "," + b);
                if (a > b) {
                    assertEquals(0, mg, 1e-12, "M^T G below the diagonal at " + a + "," + b);
                } else if (a == b) {
                    assertTrue(mg > 0, "diagonal " + a + " of M^T G is " + mg);
                }
            }
        }
    }

    @Test
    void aSquareOrthogonalMatrixIsAllowedAndOtherShapesAreRejectedNamingBoth() {
        assertEquals(4, RandomMatrices.haarOrthonormal(4, 4, new SeededRandomStreams(1).stream("m")).cols());
        assertEquals(1, RandomMatrices.haarOrthonormal(4, 1, new SeededRandomStreams(1).stream("m")).cols());
        for (int[] shape : new int[][] {{3, 4}, {3, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RandomMatrices.haarOrthonormal(shape[0], shape[1], new SeededRandomStreams(1).stream("m")));
            assertTrue(e.getMessage().contains("d=" + shape[0] + ", r=" + shape[1]), e.getMessage());
        }
    }

    /** The test fixtures' plain Gram-Schmidt basis (core's RandomBases) is this basis, up to rounding. */
    @Test
    void theTestFixturesGramSchmidtBasisIsTheSameDraw() {
        Matrix haar = RandomMatrices.haarOrthonormal(40, 6, new SeededRandomStreams(11).stream("m"));
        Matrix gramSchmidt = RandomBases.orthonormal(40, 6, new SeededRandomStreams(11).stream("m"));
        assertArrayEquals(haar.data(), gramSchmidt.data(), 1e-12);
    }
}
