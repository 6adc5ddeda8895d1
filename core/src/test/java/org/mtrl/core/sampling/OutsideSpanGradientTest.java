package org.mtrl.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.testing.RandomBases;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

class OutsideSpanGradientTest {

    @Test
    void theSquareRootOfASingularGramSquaresBackToIt() {
        // C = B B^T with B 4 x 2: rank 2 of 4
        RandomStream rng = new SeededRandomStreams(8).stream("test");
        double[] b = new double[8];
        rng.nextGaussians(b, 0, 8);
        double[] c = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                c[i * 4 + j] = b[i * 2] * b[j * 2] + b[i * 2 + 1] * b[j * 2 + 1];
            }
        }
        double[] root = OutsideSpanGradient.symmetricSquareRoot(c, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int l = 0; l < 4; l++) {
                    s += root[i * 4 + l] * root[j * 4 + l];
                }
                assertEquals(c[i * 4 + j], s, 1e-12, "entry " + i + ", " + j);
                assertEquals(root[i * 4 + j], root[j * 4 + i], 1e-12, "symmetric");
            }
        }
    }

    /**
     * The principal square root in closed form for 2 x 2: L = (C + s I) / sqrt(tr C + 2 s), s = sqrt(det C)
     * (for singular C, L = C / sqrt(tr C)). -L also squares back to C and is symmetric, but is not it.
     */
    @Test
    void theSquareRootIsThePositiveSemiDefiniteOne() {
        for (double[] c : new double[][] {{4, 1, 1, 3}, {1, -2, -2, 4}}) { // positive definite, singular
            double s = Math.sqrt(c[0] * c[3] - c[1] * c[2]);
            double t = Math.sqrt(c[0] + c[3] + 2 * s);
            double[] expected = {(c[0] + s) / t, c[1] / t, c[2] / t, (c[3] + s) / t};
            assertArrayEquals(expected, OutsideSpanGradient.symmetricSquareRoot(c, 2), 1e-14);
        }
    }

    /**
     * The whole lift against plain loops on the same random matrix: Z (m x d) drawn block by block of
     * {@link OutsideSpanGradient#BLOCK} columns from the streams {@code (purpose-outside, round, b)}, S = L Z,
     * and G = G_u Q^T + S - (S Q) Q^T. d = 1023 ends in a partial block.
     */
    @Test
    void theLiftIsTheReducedGradientPlusTheRandomPartOutsideTheSpan() {
        Fixture f = new Fixture(13, 1023);
        double[] g = f.lift(f.gram, 2);
        SeededRandomStreams streams = new SeededRandomStreams(1);
        double[] z = new double[f.m * f.d];
        for (int from = 0, b = 0; from < f.d; from += OutsideSpanGradient.BLOCK, b++) {
            int width = Math.min(OutsideSpanGradient.BLOCK, f.d - from);
            double[] block = new double[f.m * width];
            streams.stream("rep-outside", 1, b).nextGaussians(block, 0, block.length);
            for (int i = 0; i < f.m; i++) {
                System.arraycopy(block, i * width, z, i * f.d + from, width);
            }
        }
        double[] root = OutsideSpanGradient.symmetricSquareRoot(f.gram, f.m);
        int k = f.q.rows();
        for (int i = 0; i < f.m; i++) {
            double[] s = new double[f.d];
            for (int j = 0; j < f.d; j++) {
                for (int l = 0; l < f.m; l++) {
                    s[j] += root[i * f.m + l] * z[l * f.d + j];
                }
            }
            double[] sq = new double[k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < f.d; j++) {
                    sq[c] += s[j] * f.q.get(c, j);
                }
            }
            for (int j = 0; j < f.d; j++) {
                double expected = s[j];
                for (int c = 0; c < k; c++) {
                    expected += (f.reduced[i * k + c] - sq[c]) * f.q.get(c, j);
                }
                assertEquals(expected, g[i * f.d + j], 1e-12, "entry " + i + ", " + j);
            }
        }
    }

    @Test
    void insideTheSpanTheLiftedGradientIsTheReducedOne() {
        Fixture f = new Fixture(9);
        double[] g = f.lift(f.gram, 1);
        // G Q = G_u: the random part L Z P has no component in span(Q)
        for (int i = 0; i < f.m; i++) {
            for (int c = 0; c < f.q.rows(); c++) {
                double s = 0;
                for (int j = 0; j < f.d; j++) {
                    s += g[i * f.d + j] * f.q.get(c, j);
                }
                assertEquals(f.reduced[i * f.q.rows() + c], s, 1e-10);
            }
        }
    }

    @Test
    void aZeroGramLiftsTheReducedGradientAlone() {
        Fixture f = new Fixture(10);
        double[] g = f.lift(new double[f.m * f.m], 1);
        for (int i = 0; i < f.m; i++) {
            for (int j = 0; j < f.d; j++) {
                double s = 0;
                for (int c = 0; c < f.q.rows(); c++) {
                    s += f.reduced[i * f.q.rows() + c] * f.q.get(c, j);
                }
                assertEquals(s, g[i * f.d + j], 1e-12);
            }
        }
    }

    @Test
    void theOutsidePartHasCovarianceGramTimesP() {
        // over many draws, E[(S P)_{:,j} (S P)_{:,j}^T] = C P_jj for the random part S P of the gradient
        Fixture f = new Fixture(11);
        int draws = 4000;
        int j = 7;
        double pjj = 1;
        for (int c = 0; c < f.q.rows(); c++) {
            pjj -= f.q.get(c, j) * f.q.get(c, j);
        }
        double[] second = new double[f.m * f.m];
        double[] zero = new double[f.reduced.length];
        try (PoolWorkers workers = new PoolWorkers(1)) {
            for (int t = 0; t < draws; t++) {
                double[] g = OutsideSpanGradient.lift(zero, f.gram, f.m, f.q, new SeededRandomStreams(100 + t),
                        "rep", 1, workers);
                for (int a = 0; a < f.m; a++) {
                    for (int b = 0; b < f.m; b++) {
                        second[a * f.m + b] += g[a * f.d + j] * g[b * f.d + j] / draws;
                    }
                }
            }
        }
        for (int a = 0; a < f.m; a++) {
            for (int b = 0; b < f.m; b++) {
                double expected = f.gram[a * f.m + b] * pjj;
                double scale = Math.sqrt(f.gram[a * f.m + a] * f.gram[b * f.m + b]) * pjj;
                // the standard error of a mean of 4000 products of jointly normal entries is below 0.03 scale
                assertEquals(expected, second[a * f.m + b], 0.1 * scale, "entry " + a + ", " + b);
            }
        }
    }

    @Test
    void theSameBitsOnAnyThreadCount() {
        Fixture f = new Fixture(12);
        assertArrayEquals(f.lift(f.gram, 1), f.lift(f.gram, 3));
    }

    /** A basis of 4 directions in R^d, a reduced gradient and a Gram, m = 3. */
    private static final class Fixture {
        final int d;
        final int m = 3;
        final Matrix q;
        final double[] reduced;
        final double[] gram;

        /** d = 1100: more than two blocks of Z. */
        Fixture(long seed) {
            this(seed, 1100);
        }

        Fixture(long seed, int d) {
            this.d = d;
            RandomStream rng = new SeededRandomStreams(seed).stream("fixture");
            Matrix w = Matrix.zeros(2, d);
            rng.nextGaussians(w.data(), 0, w.data().length);
            try (PoolWorkers workers = new PoolWorkers(1)) {
                q = SpanBasis.of(new Subspace(RandomBases.orthonormal(d, 2, rng)), w, workers).rows();
            }
            reduced = new double[m * q.rows()];
            rng.nextGaussians(reduced, 0, reduced.length);
            double[] b = new double[m * 5];
            rng.nextGaussians(b, 0, b.length);
            gram = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    for (int l = 0; l < 5; l++) {
                        gram[i * m + j] += b[i * 5 + l] * b[j * 5 + l];
                    }
                }
            }
        }

        double[] lift(double[] c, int threads) {
            try (PoolWorkers workers = new PoolWorkers(threads)) {
                return OutsideSpanGradient.lift(reduced, c, m, q, new SeededRandomStreams(1), "rep", 1, workers);
            }
        }
    }
}
