package org.mtrl.plugins.subspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.plugins.subspace.TaskFamilies.BiasedThresholdParams;
import org.mtrl.plugins.subspace.TaskFamilies.LinearThresholdParams;
import org.mtrl.plugins.subspace.TaskFamilies.ParityParams;
import org.mtrl.plugins.subspace.TaskFamilies.ReluTeacherParams;

class TaskFamiliesTest {
    private static final int R = 5;

    /** A family at a given label noise, with every other parameter at its default. */
    private interface NoisyFamily extends DoubleFunction<TaskFamily> {
    }

    private static TaskFamily linear(double noise) {
        return TaskFamilies.LINEAR_THRESHOLD.create(new LinearThresholdParams(50, noise), Fixtures.context(0));
    }

    private static TaskFamily biased(double noise, double biasScale) {
        return TaskFamilies.BIASED_THRESHOLD.create(new BiasedThresholdParams(50, noise, biasScale), Fixtures.context(0));
    }

    private static TaskFamily parity(double noise, int order) {
        return TaskFamilies.PARITY.create(new ParityParams(50, noise, order), Fixtures.context(0));
    }

    private static TaskFamily relu(double noise) {
        return relu(noise, 4);
    }

    private static TaskFamily relu(double noise, int hidden) {
        return TaskFamilies.RELU_TEACHER.create(new ReluTeacherParams(50, noise, hidden, 4001), Fixtures.context(0));
    }

    static Stream<Named<NoisyFamily>> allFamilies() {
        return Stream.of(
                Named.of("linear-threshold", TaskFamiliesTest::linear),
                Named.of("biased-threshold", noise -> biased(noise, 0.5)),
                Named.of("parity", noise -> parity(noise, 2)),
                Named.of("relu-teacher", TaskFamiliesTest::relu));
    }

    static Stream<Named<NoisyFamily>> balancedFamilies() {
        return allFamilies().filter(f -> !f.getName().equals("biased-threshold"));
    }

    private static RandomStream stream(String purpose, long key) {
        return new SeededRandomStreams(42).stream(purpose, key);
    }

    private static double[] labels(Task task, double[] z, int n) {
        double[] y = new double[n];
        task.label(z, n, stream("noise", 0), y);
        return y;
    }

    @ParameterizedTest
    @MethodSource("allFamilies")
    void perturbingOrthogonallyToTheSubspaceNeverChangesALabel(NoisyFamily family) {
        int d = 30;
        int n = 5000;
        Subspace m = Fixtures.groundTruth(d, R, 1);
        double[] x = Fixtures.gaussians(n, d, 2, "x");
        double[] g = Fixtures.gaussians(n, d, 3, "perturbation");
        double[] orthogonal = x.clone();
        double[] along = x.clone();
        addUnitParts(m, g, n, orthogonal, along);
        double[] z = new double[n * R];
        double[] zOrthogonal = new double[n * R];
        double[] zAlong = new double[n * R];
        m.project(x, n, z);
        m.project(orthogonal, n, zOrthogonal);
        m.project(along, n, zAlong);
        for (int t = 0; t < 5; t++) {
            Task task = family.apply(0).draw(m, stream("task", t));
            double[] y = labels(task, z, n);
            for (double label : y) {
                assertTrue(label == 1 || label == -1, "label " + label);
            }
            assertArrayEquals(y, labels(task, zOrthogonal, n), "task " + t);
            // The same size of move inside the subspace does change labels: the check above can fail.
            double[] yAlong = labels(task, zAlong, n);
            int changed = 0;
            for (int k = 0; k < n; k++) {
                changed += y[k] != yAlong[k] ? 1 : 0;
            }
            assertTrue(changed > n / 100, "task " + t + ": only " + changed + " labels changed by moves in the span");
        }
    }

    /**
     * Adds to each row of {@code orthogonal} the unit vector along the part of g orthogonal to span(M),
     * and to each row of {@code along} the unit vector along the part of g inside it.
     */
    private static void addUnitParts(Subspace m, double[] g, int n, double[] orthogonal, double[] along) {
        int d = m.dim();
        double[] basis = m.basis().data();
        double[] coefficients = new double[n * R];
        m.project(g, n, coefficients);
        double[] inside = new double[d];
        for (int k = 0; k < n; k++) {
            double insideNorm = 0;
            double outsideNorm = 0;
            for (int i = 0; i < d; i++) {
                double p = 0;
                for (int c = 0; c < R; c++) {
                    p += basis[i * R + c] * coefficients[k * R + c];
                }
                inside[i] = p;
                insideNorm += p * p;
                outsideNorm += (g[k * d + i] - p) * (g[k * d + i] - p);
            }
            insideNorm = Math.sqrt(insideNorm);
            outsideNorm = Math.sqrt(outsideNorm);
            for (int i = 0; i < d; i++) {
                orthogonal[k * d + i] += (g[k * d + i] - inside[i]) / outsideNorm;
                along[k * d + i] += inside[i] / insideNorm;
            }
        }
    }

    @ParameterizedTest
    @MethodSource("balancedFamilies")
    void classesAreBalanced(NoisyFamily family) {
        int tasks = 10;
        int n = 20_000;
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double total = 0;
        for (int t = 0; t < tasks; t++) {
            Task task = family.apply(0).draw(m, stream("task", t));
            double[] z = Fixtures.gaussians(n, R, 100 + t, "z");
            double mean = 0;
            for (double y : labels(task, z, n)) {
                mean += y / n;
            }
            // sd of one task's mean: 0.007 from sampling, plus 0.016 from the relu-teacher's median estimate.
            assertEquals(0, mean, 0.1, "mean label of task " + t);
            total += mean / tasks;
        }
        // Standard error of the average: at most 0.006 (relu-teacher), 0.0022 for the others.
        assertEquals(0, total, 0.05, "mean label over " + tasks + " tasks");
    }

    @Test
    void reluTeacherStaysBalancedWhenItsInactiveRegionHoldsTheMedian() {
        // With one unit, s = 0 on the half-space where it is inactive, which holds more than half of
        // the mass whenever beta < 0: only the tie-break keeps such tasks balanced.
        int n = 20_000;
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double[] z = Fixtures.gaussians(n, R, 9, "z");
        for (int t = 0; t < 20; t++) {
            double mean = 0;
            for (double y : labels(relu(0, 1).draw(m, stream("task", t)), z, n)) {
                mean += y / n;
            }
            assertEquals(0, mean, 0.1, "mean label of task " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("allFamilies")
    void labelNoiseFlipsTheRequestedFraction(NoisyFamily family) {
        int n = 20_000;
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double[] z = Fixtures.gaussians(n, R, 5, "z");
        // Noise never changes which task a stream draws, so these are the same task.
        double[] clean = labels(family.apply(0).draw(m, stream("task", 0)), z, n);
        double[] noisy = labels(family.apply(0.2).draw(m, stream("task", 0)), z, n);
        int flipped = 0;
        for (int k = 0; k < n; k++) {
            flipped += clean[k] != noisy[k] ? 1 : 0;
        }
        // Standard error sqrt(0.2 * 0.8 / n) = 0.0028.
        double rate = (double) flipped / n;
        assertTrue(rate >= 0.18 && rate <= 0.22, "flip rate " + rate);
    }

    @ParameterizedTest
    @MethodSource("allFamilies")
    void noiselessTasksConsumeNoRandomness(NoisyFamily family) {
        Task task = family.apply(0).draw(Fixtures.groundTruth(R, R, 1), stream("task", 0));
        RandomStream rng = stream("noise", 0);
        task.label(Fixtures.gaussians(100, R, 5, "z"), 100, rng, new double[100]);
        assertEquals(stream("noise", 0).nextLong(), rng.nextLong());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void parityIsTheProductOfSignsOfExactlyOneSubset(int order) {
        int n = 2000;
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double[] z = Fixtures.gaussians(n, R, 6, "z");
        for (int t = 0; t < 20; t++) {
            double[] y = labels(parity(0, order).draw(m, stream("task", t)), z, n);
            assertEquals(1, matchingSubsets(z, y, n, order).length, "task " + t + " of order " + order);
        }
    }

    @Test
    void parityChoosesPairsUniformly() {
        int n = 64;
        int draws = 2000;
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double[] z = Fixtures.gaussians(n, R, 6, "z");
        int[] counts = new int[1 << R];
        for (int t = 0; t < draws; t++) {
            double[] y = labels(parity(0, 2).draw(m, stream("task", t)), z, n);
            int[] matches = matchingSubsets(z, y, n, 2);
            assertEquals(1, matches.length, "task " + t);
            counts[matches[0]]++;
        }
        // 10 pairs, each expected 200 times with sd 13.4.
        for (int mask = 0; mask < counts.length; mask++) {
            if (Integer.bitCount(mask) == 2) {
                assertTrue(counts[mask] >= 150 && counts[mask] <= 250, "pair " + Integer.toBinaryString(mask)
                        + " drawn " + counts[mask] + " times");
            }
        }
    }

    /** Brute force: the coordinate subsets (as bit masks) of size {@code order} whose sign product gives every y. */
    private static int[] matchingSubsets(double[] z, double[] y, int n, int order) {
        return IntStream.range(0, 1 << R)
                .filter(mask -> Integer.bitCount(mask) == order)
                .filter(mask -> {
                    for (int k = 0; k < n; k++) {
                        double product = 1;
                        for (int c = 0; c < R; c++) {
                            if ((mask & (1 << c)) != 0) {
                                product *= z[k * R + c] >= 0 ? 1 : -1;
                            }
                        }
                        if (product != y[k]) {
                            return false;
                        }
                    }
                    return true;
                })
                .toArray();
    }

    @Test
    void parityOrderAboveRankIsRejectedOnDraw() {
        TaskFamily family = parity(0, R + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> family.draw(Fixtures.groundTruth(R, R, 1), stream("task", 0)));
        assertTrue(e.getMessage().contains("order=" + (R + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("r=" + R), e.getMessage());
    }

    @Test
    void biasedThresholdWithoutBiasIsTheLinearThreshold() {
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double[] z = Fixtures.gaussians(1000, R, 7, "z");
        for (int t = 0; t < 5; t++) {
            assertArrayEquals(labels(linear(0).draw(m, stream("task", t)), z, 1000),
                    labels(biased(0, 0).draw(m, stream("task", t)), z, 1000), "task " + t);
        }
    }

    @Test
    void biasedThresholdShiftsTheClassBalance() {
        int n = 5000;
        int tasks = 20;
        Subspace m = Fixtures.groundTruth(R, R, 1);
        double[] z = Fixtures.gaussians(n, R, 8, "z");
        double meanImbalance = 0;
        for (int t = 0; t < tasks; t++) {
            double mean = 0;
            for (double y : labels(biased(0, 3).draw(m, stream("task", t)), z, n)) {
                mean += y / n;
            }
            meanImbalance += Math.abs(mean) / tasks;
        }
        // E|2 Phi(c) - 1| with c ~ N(0, 9) is about 0.6; unbiased thresholds give about 0.01.
        assertTrue(meanImbalance > 0.4, "mean |mean label| " + meanImbalance);
    }

    @Test
    void countIsTheConfiguredT() {
        assertEquals(7, TaskFamilies.PARITY.create(new ParityParams(7, 0, 2), Fixtures.context(0)).count());
        assertEquals(50, linear(0).count());
    }
}
