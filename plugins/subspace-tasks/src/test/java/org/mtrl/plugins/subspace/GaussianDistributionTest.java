package org.mtrl.plugins.subspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.core.runtime.SeededRandomStreams;

class GaussianDistributionTest {

    private static GaussianDistribution create(int dim, int rank, long seed) {
        return new GaussianDistribution(new GaussianDistribution.Params(dim, rank), new SeededRandomStreams(seed));
    }

    @Test
    void groundTruthHasOrthonormalColumns() {
        Matrix m = create(100, 5, 1).groundTruth().basis();
        assertEquals(100, m.rows());
        assertEquals(5, m.cols());
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double dot = 0;
                for (int i = 0; i < 100; i++) {
                    dot += m.get(i, a) * m.get(i, b);
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-12, "column " + a + " . column " + b);
            }
        }
    }

    @Test
    void samplesHaveZeroMeanAndIdentityCovariance() {
        int d = 8;
        int n = 200_000;
        double[] x = new double[n * d];
        create(d, 3, 2).sample(new SeededRandomStreams(3).stream("x"), x, n);
        double[] mean = new double[d];
        double[] second = new double[d * d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                double xi = x[k * d + i];
                mean[i] += xi / n;
                for (int j = 0; j < d; j++) {
                    second[i * d + j] += xi * x[k * d + j] / n;
                }
            }
        }
        // Standard errors: mean 1/sqrt(n) = 0.0022, covariance at most sqrt(2/n) = 0.0032.
        for (int i = 0; i < d; i++) {
            assertEquals(0, mean[i], 0.015, "mean of coordinate " + i);
            for (int j = 0; j < d; j++) {
                double cov = second[i * d + j] - mean[i] * mean[j];
                assertEquals(i == j ? 1 : 0, cov, 0.02, "covariance " + i + "," + j);
            }
        }
    }

    @Test
    void sampleWritesExactlyNRows() {
        int d = 4;
        double[] x = new double[5 * d];
        Arrays.fill(x, Double.NaN);
        create(d, 2, 1).sample(new SeededRandomStreams(1).stream("x"), x, 3);
        for (int i = 0; i < x.length; i++) {
            assertEquals(i < 3 * d, !Double.isNaN(x[i]), "entry " + i);
        }
    }

    @Test
    void sameSeedGivesSameGroundTruthAndSamples() {
        GaussianDistribution a = create(20, 3, 7);
        GaussianDistribution b = create(20, 3, 7);
        assertArrayEquals(a.groundTruth().basis().data(), b.groundTruth().basis().data());
        double[] xa = new double[10 * 20];
        double[] xb = new double[10 * 20];
        a.sample(new SeededRandomStreams(9).stream("x"), xa, 10);
        b.sample(new SeededRandomStreams(9).stream("x"), xb, 10);
        assertArrayEquals(xa, xb);
    }

    @Test
    void groundTruthComesFromTheGroundTruthStreamAndSamplesFromTheGivenOne() {
        GaussianDistribution data = create(9, 2, 5);
        assertEquals(9, data.dim());
        assertArrayEquals(RandomMatrices.haarOrthonormal(9, 2, new SeededRandomStreams(5).stream("ground-truth")).data(),
                data.groundTruth().basis().data());
        double[] x = new double[4 * 9];
        data.sample(new SeededRandomStreams(6).stream("x"), x, 4);
        double[] expected = new double[4 * 9];
        new SeededRandomStreams(6).stream("x").nextGaussians(expected, 0, expected.length);
        assertArrayEquals(expected, x);
    }

    @Test
    void differentSeedGivesDifferentGroundTruth() {
        double[] a = create(20, 3, 7).groundTruth().basis().data();
        double[] b = create(20, 3, 8).groundTruth().basis().data();
        double maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        }
        assertTrue(maxDiff > 0.1, "max entry difference " + maxDiff);
    }

    @Test
    void groundTruthIsHaarUniform() {
        // Under the Haar measure E[M M^T] = (r/d) I: the projection onto the span has no preferred direction.
        int d = 6;
        int r = 2;
        int draws = 4000;
        double[] mean = new double[d * d];
        for (int s = 0; s < draws; s++) {
            double[] m = create(d, r, 1000 + s).groundTruth().basis().data();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double p = 0;
                    for (int c = 0; c < r; c++) {
                        p += m[i * r + c] * m[j * r + c];
                    }
                    mean[i * d + j] += p / draws;
                }
            }
        }
        // A diagonal entry is Beta(1, 2) with sd 0.236, so its average has standard error 0.0037.
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(i == j ? (double) r / d : 0, mean[i * d + j], 0.02, "E[M M^T] at " + i + "," + j);
            }
        }
    }

    @Test
    void rankAboveDimIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianDistribution.Params(3, 5));
        assertTrue(e.getMessage().contains("rank=5"), e.getMessage());
        assertTrue(e.getMessage().contains("dim=3"), e.getMessage());
        assertEquals(3, create(3, 3, 1).groundTruth().rank());
    }
}
