package org.mtrl.plugins.subspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.core.runtime.SeededRandomStreams;

/**
 * Every label function on points whose labels are worked out by hand (or, for the ReLU teacher, by a
 * plain re-computation of the teacher from a replay of its stream). Each batch of points is labelled
 * with n below the length of y, so a label written past n shows.
 */
class KnownLabelsTest {
    /** Noiseless labels draw nothing: any draw fails the test. */
    private static final RandomStream NO_DRAWS = new ScriptedStream();
    private static final double UNTOUCHED = 7;

    /** Labels of the first n points of z (rank r per point), with a sentinel after them. */
    private static double[] label(Task task, double[] z, int n, RandomStream rng) {
        double[] y = new double[n + 1];
        y[n] = UNTOUCHED;
        task.label(z, n, rng, y);
        assertEquals(UNTOUCHED, y[n], "a label was written past n");
        return Arrays.copyOf(y, n);
    }

    @Test
    void signIsPlusOneFromZeroUp() {
        assertEquals(1, Signs.sign(0.0));
        assertEquals(1, Signs.sign(-0.0));
        assertEquals(1, Signs.sign(Double.MIN_VALUE));
        assertEquals(-1, Signs.sign(-Double.MIN_VALUE));
        assertEquals(-1, Signs.sign(-3));
        assertEquals(1, Signs.sign(3));
    }

    @Test
    void thresholdIsTheSignOfTheMarginPastTheOffset() {
        Task task = new ThresholdTask(new double[] {0.5, 0.75}, 0.25);
        double[] z = {
            1, 0,       // <v, z> - c = 0.5 - 0.25 = 0.25
            0, 0.25,    // 0.1875 - 0.25 = -0.0625
            -1, 1,      // -0.5 + 0.75 - 0.25 = 0: on the boundary, +1
            0.5, -0.5,  // 0.25 - 0.375 - 0.25 = -0.375
            9, 9};      // beyond n: never read
        assertArrayEquals(new double[] {1, -1, 1, -1}, label(task, z, 4, NO_DRAWS));
    }

    @Test
    void thresholdCopiesItsNormal() {
        double[] v = {1, 0};
        Task task = new ThresholdTask(v, 0);
        v[0] = -1;
        assertArrayEquals(new double[] {1}, label(task, new double[] {1, 0}, 1, NO_DRAWS));
    }

    @Test
    void parityDrawsItsCoordinatesByAPartialFisherYatesShuffle() {
        ScriptedStream rng = new ScriptedStream().ints(2, 0);
        Task task = ParityTask.draw(4, 2, rng);
        // pool 0 1 2 3; swap entries 0 and 0 + 2: 2 1 0 3; swap 1 and 1 + 0: the coordinates are {2, 1}
        assertEquals(List.of(4, 3), rng.bounds(), "one draw per coordinate, from the rank minus those taken");
        double[] z = {
            5, 1, 1, -5,     // signs + + + -: z_1 z_2 gives +1
            5, -1, 1, 5,     // + - + +: -1
            -5, -1, -1, 5,   // - - - +: +1
            0, 0, -2, 0};    // + + - + (sign(0) = +1): -1
        // every other pair of coordinates labels these four points differently
        assertArrayEquals(new double[] {1, -1, 1, -1}, label(task, z, 4, NO_DRAWS));
    }

    @Test
    void parityOfEveryCoordinateIsAllowedAndMultipliesAllSigns() {
        ScriptedStream rng = new ScriptedStream().ints(0, 0, 0);
        Task task = ParityTask.draw(3, 3, rng);
        assertEquals(List.of(3, 2, 1), rng.bounds());
        double[] z = {1, 2, 3, -1, 2, 3, -1, -2, 3, -1, -2, -3};
        assertArrayEquals(new double[] {1, -1, 1, -1}, label(task, z, 4, NO_DRAWS));
    }

    @Test
    void noiseFlipsExactlyTheLabelsWhoseUniformIsBelowTheFlipProbability() {
        Task allPositive = (z, n, rng, y) -> Arrays.fill(y, 0, n, 1.0);
        Task noisy = new NoisyTask(allPositive, 0.25);
        ScriptedStream rng = new ScriptedStream().doubles(0.1, 0.25, 0.9, Math.nextDown(0.25), 0);
        assertArrayEquals(new double[] {-1, 1, 1, -1, -1}, label(noisy, new double[0], 5, rng));
    }

    @Test
    void reluTeacherLabelsBySignOfTheScoreMinusItsMedian() {
        int r = 3;
        int n = 4000;
        double[] z = Fixtures.gaussians(n, r, 21, "z");
        for (int t = 0; t < 5; t++) {
            Task task = ReluTeacherTask.draw(r, 4, 100, stream(t));
            ReferenceTeacher reference = ReferenceTeacher.replay(r, 4, 100, stream(t));
            double[] expected = new double[n];
            int positive = 0;
            for (int k = 0; k < n; k++) {
                expected[k] = reference.label(z, k * r);
                positive += expected[k] > 0 ? 1 : 0;
            }
            assertTrue(positive > n / 4 && positive < 3 * n / 4, "task " + t + " is unbalanced: " + positive);
            assertArrayEquals(expected, label(task, z, n, NO_DRAWS), "task " + t);
        }
    }

    @Test
    void reluTeacherBreaksTiesAtTheMedianByTheLeak() {
        // One unit with a negative bias: the unit is off on more than half of R^r, so the median score is
        // the atom s = 0, and every point where the unit is off is a tie decided by the leak.
        int r = 2;
        int n = 2000;
        int key = 0;
        while (ReferenceTeacher.replay(r, 1, 101, stream(key)).biases()[0] >= 0) {
            key++;
        }
        ReferenceTeacher reference = ReferenceTeacher.replay(r, 1, 101, stream(key));
        assertEquals(0.0, reference.medianScore(), "the median must be the atom for this test to test ties");
        Task task = ReluTeacherTask.draw(r, 1, 101, stream(key));
        double[] z = Fixtures.gaussians(n, r, 22, "z");
        double[] expected = new double[n];
        int[] tiesByLabel = new int[2];
        for (int k = 0; k < n; k++) {
            expected[k] = reference.label(z, k * r);
            if (reference.score(z, k * r) == 0) {
                tiesByLabel[expected[k] > 0 ? 1 : 0]++;
            }
        }
        assertTrue(tiesByLabel[0] > n / 100 && tiesByLabel[1] > n / 100, "ties on both sides: " + Arrays.toString(tiesByLabel));
        assertArrayEquals(expected, label(task, z, n, NO_DRAWS));
    }

    @Test
    void thresholdFamiliesDrawTheNormalThenTheOffsetFromTheTaskStream() {
        int r = 4;
        int n = 500;
        double[] z = Fixtures.gaussians(n, r, 23, "z");
        var m = Fixtures.groundTruth(r, r, 1);
        var linear = TaskFamilies.LINEAR_THRESHOLD.create(new TaskFamilies.LinearThresholdParams(3, 0), Fixtures.context(0));
        var biased = TaskFamilies.BIASED_THRESHOLD.create(new TaskFamilies.BiasedThresholdParams(3, 0, 2), Fixtures.context(0));
        for (int t = 0; t < 3; t++) {
            RandomStream replay = stream(t);
            double[] v = RandomVectors.unitVector(r, replay);
            double c = 2 * replay.nextGaussian();
            double[] expectedLinear = new double[n];
            double[] expectedBiased = new double[n];
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int i = 0; i < r; i++) {
                    dot += v[i] * z[k * r + i];
                }
                expectedLinear[k] = dot >= 0 ? 1 : -1;
                expectedBiased[k] = dot - c >= 0 ? 1 : -1;
            }
            assertArrayEquals(expectedLinear, label(linear.draw(m, stream(t)), z, n, NO_DRAWS), "linear, task " + t);
            assertArrayEquals(expectedBiased, label(biased.draw(m, stream(t)), z, n, NO_DRAWS), "biased, task " + t);
        }
    }

    private static RandomStream stream(long key) {
        return new SeededRandomStreams(3).stream("teacher", key);
    }

    /**
     * The teacher a stream draws, re-computed with plain loops: for each unit its direction (a unit
     * vector), weight c and bias beta, then the points whose median pair (score, leak) is the threshold.
     */
    private record ReferenceTeacher(int rank, double[][] directions, double[] weights, double[] biases,
                                    double medianScore, double medianLeak) {

        static ReferenceTeacher replay(int rank, int hidden, int medianSamples, RandomStream rng) {
            double[][] directions = new double[hidden][];
            double[] weights = new double[hidden];
            double[] biases = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                directions[k] = RandomVectors.unitVector(rank, rng);
                weights[k] = rng.nextGaussian();
                biases[k] = rng.nextGaussian();
            }
            ReferenceTeacher unranked = new ReferenceTeacher(rank, directions, weights, biases, 0, 0);
            double[] z = new double[medianSamples * rank];
            rng.nextGaussians(z, 0, z.length);
            double[][] pairs = new double[medianSamples][];
            for (int i = 0; i < medianSamples; i++) {
                pairs[i] = new double[] {unranked.score(z, i * rank), unranked.leak(z, i * rank)};
            }
            Arrays.sort(pairs, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            double[] median = pairs[medianSamples / 2]; // the upper median for an even count
            return new ReferenceTeacher(rank, directions, weights, biases, median[0], median[1]);
        }

        private double preActivation(int unit, double[] z, int offset) {
            double pre = biases[unit];
            for (int c = 0; c < rank; c++) {
                pre += directions[unit][c] * z[offset + c];
            }
            return pre;
        }

        /** sum_k c_k relu(pre_k). */
        double score(double[] z, int offset) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                s += weights[k] * Math.max(preActivation(k, z, offset), 0);
            }
            return s;
        }

        /** sum_k c_k min(pre_k, 0). */
        double leak(double[] z, int offset) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                s += weights[k] * Math.min(preActivation(k, z, offset), 0);
            }
            return s;
        }

        /** +1 when (score, leak) is at or above the median pair, lexicographically. */
        double label(double[] z, int offset) {
            double s = score(z, offset);
            if (s != medianScore) {
                return s > medianScore ? 1 : -1;
            }
            return leak(z, offset) >= medianLeak ? 1 : -1;
        }
    }
}
