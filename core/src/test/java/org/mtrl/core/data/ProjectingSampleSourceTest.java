package org.mtrl.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.core.runtime.SeededRandomStreams;

/**
 * The finite check runs on the projections and searches the inputs only when one is not finite: a bad
 * input is still named by its point and coordinate, wherever it sits (also where the basis is exactly
 * zero, so that its product is NaN rather than infinite), and finite inputs pass. A distribution that
 * throws is named with the exception's kind and message.
 */
class ProjectingSampleSourceTest {
    private static final int D = 10;
    private static final int R = 2;
    private static final int N = 6;
    /** The basis e_0, e_1: coordinates 2..9 meet only exact zeros. */
    private static final Subspace AXES = axes();
    private static final Task SIGN_OF_FIRST = (z, n, rng, y) -> {
        for (int k = 0; k < n; k++) {
            y[k] = z[k * R] >= 0 ? 1 : -1;
        }
    };

    @Test
    void namesTheNonFiniteInputWhereverItIs() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int point : new int[] {0, 3, N - 1}) {
                for (int coordinate : new int[] {0, 1, 7, D - 1}) {
                    ProjectingSampleSource source = new ProjectingSampleSource(
                            gaussianWith(point, coordinate, bad), "data/test");
                    ProjectingSampleSource.SampleFailure failure = assertThrows(
                            ProjectingSampleSource.SampleFailure.class, () -> draw(source));
                    assertEquals("data/test returned a non-finite input: x[" + point + "][" + coordinate + "] = " + bad,
                            failure.getMessage());
                }
            }
        }
    }

    @Test
    void inputsThatAreAllNaNFailAtTheFirst() {
        // every projection is NaN: the inputs are searched from the first
        DataDistribution nothing = distribution((rng, x, n) -> Arrays.fill(x, 0, n * D, Double.NaN), AXES);
        ProjectingSampleSource.SampleFailure failure = assertThrows(ProjectingSampleSource.SampleFailure.class,
                () -> draw(new ProjectingSampleSource(nothing, "data/test")));
        assertEquals("data/test returned a non-finite input: x[0][0] = NaN", failure.getMessage());
    }

    @Test
    void aFailureWhileSamplingNamesTheDistributionAndWhatWentWrong() {
        for (String detail : new String[] {"no more samples", null}) {
            DataDistribution failing = distribution((rng, x, n) -> {
                throw new IllegalStateException(detail);
            }, AXES);
            ProjectingSampleSource.SampleFailure failure = assertThrows(ProjectingSampleSource.SampleFailure.class,
                    () -> draw(new ProjectingSampleSource(failing, "data/test")));
            assertEquals("data/test: sample() failed: IllegalStateException" + (detail == null ? "" : ": " + detail),
                    failure.getMessage());
        }
    }

    @Test
    void finiteInputsPassAndAreProjectedAndLabelled() {
        ProjectingSampleSource source = new ProjectingSampleSource(gaussianWith(-1, -1, 0), "data/test");
        Batch batch = assertDoesNotThrow(() -> draw(source));
        double[] z = new double[N * R];
        double[] y = new double[N];
        for (int k = 0; k < N; k++) {
            z[k * R] = batch.x()[k * D];
            z[k * R + 1] = batch.x()[k * D + 1];
            y[k] = z[k * R] >= 0 ? 1 : -1;
        }
        assertArrayEquals(z, batch.z());
        assertArrayEquals(y, batch.y());
    }

    @Test
    void finiteInputsWhoseProjectionOverflowsStillPass() {
        Matrix spread = Matrix.zeros(D, R); // column 0 = (e_0 + e_1) / sqrt(2), column 1 = e_2
        spread.data()[0] = Math.sqrt(0.5);
        spread.data()[R] = Math.sqrt(0.5);
        spread.data()[2 * R + 1] = 1;
        DataDistribution largest = distribution((rng, x, n) -> Arrays.fill(x, 0, n * D, Double.MAX_VALUE),
                new Subspace(spread));
        Batch batch = assertDoesNotThrow(() -> draw(new ProjectingSampleSource(largest, "data/test")));
        assertEquals(Double.POSITIVE_INFINITY, batch.z()[0]);
    }

    private static Batch draw(ProjectingSampleSource source) {
        Batch batch = new Batch(D, R, N);
        source.draw(SIGN_OF_FIRST, new SeededRandomStreams(3).stream("x", 0), batch, N);
        return batch;
    }

    /** Standard normals, but x[point][coordinate] = bad (no change for a negative point). */
    private static DataDistribution gaussianWith(int point, int coordinate, double bad) {
        return distribution((rng, x, n) -> {
            rng.nextGaussians(x, 0, n * D);
            if (point >= 0) {
                x[point * D + coordinate] = bad;
            }
        }, AXES);
    }

    private interface Sampler {
        void sample(RandomStream rng, double[] x, int n);
    }

    private static DataDistribution distribution(Sampler sampler, Subspace groundTruth) {
        return new DataDistribution() {
            @Override
            public int dim() {
                return D;
            }

            @Override
            public Subspace groundTruth() {
                return groundTruth;
            }

            @Override
            public void sample(RandomStream rng, double[] x, int n) {
                sampler.sample(rng, x, n);
            }
        };
    }

    private static Subspace axes() {
        Matrix m = Matrix.zeros(D, R);
        m.data()[0] = 1;
        m.data()[R + 1] = 1;
        return new Subspace(m);
    }
}
