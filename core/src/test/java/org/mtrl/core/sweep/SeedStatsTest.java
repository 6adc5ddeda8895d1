package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedStatsTest {

    @Test
    void meanAndSampleStandardDeviation() {
        SeedStats stats = SeedStats.of(new double[] {1, 2, 3});
        assertEquals(3, stats.n());
        assertEquals(2.0, stats.mean(), 1e-12);
        assertEquals(1.0, stats.sd(), 1e-12);
        SeedStats one = SeedStats.of(new double[] {5});
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()) && Double.isNaN(one.sd()));
        assertEquals(5, one.bandLow());
        assertEquals(5, one.bandHigh());
    }

    @Test
    void intervalsOfBoundedMetricsStayInTheirRange() {
        // accuracies near 1 and sines near 0: Student's t gave 1.024 and -0.6 here
        double[][] cases = {{0.99, 1.0, 0.97}, {0.7, 0.937}, {0.02, 0.0, 0.4}, {0.8185, 0.0}};
        for (double[] values : cases) {
            SeedStats stats = SeedStats.of(values);
            double min = Arrays.stream(values).min().orElseThrow();
            double max = Arrays.stream(values).max().orElseThrow();
            String where = Arrays.toString(values) + " -> [" + stats.low() + ", " + stats.high() + "]";
            assertTrue(stats.low() >= min && stats.high() <= max, where);
            assertTrue(stats.low() <= stats.mean() && stats.mean() <= stats.high(), where);
        }
        SeedStats two = SeedStats.of(new double[] {0.7, 0.937});
        assertEquals(0.7, two.low(), 0.0);
        assertEquals(0.937, two.high(), 0.0);
    }

    @Test
    void withEnoughSeedsTheIntervalIsCloseToStudentsT() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 + 0.1 * random.nextGaussian();
        }
        SeedStats stats = SeedStats.of(values);
        // t(0.975, 39) = 2.022691
        double halfWidth = 2.022691 * stats.sd() / Math.sqrt(values.length);
        assertEquals(2 * halfWidth, stats.high() - stats.low(), 0.15 * 2 * halfWidth);
        assertEquals(stats, SeedStats.of(values.clone()), "the same values give the same interval");
    }
}
