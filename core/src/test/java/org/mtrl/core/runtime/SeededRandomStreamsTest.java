package org.mtrl.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;

class SeededRandomStreamsTest {

    @Test
    void aStreamIsDeterminedByItsName() {
        RandomStreams a = new SeededRandomStreams(7);
        RandomStreams b = new SeededRandomStreams(7);
        assertEquals(a.stream("head", 1, 2, 3).nextLong(), b.stream("head", 1, 2, 3).nextLong());
        assertEquals(a.scoped("x").stream("y", 4).nextDouble(), b.scoped("x").stream("y", 4).nextDouble());
    }

    @Test
    void differentNamesGiveDifferentStreams() {
        RandomStreams s = new SeededRandomStreams(7);
        long base = s.stream("head", 1, 2, 3).nextLong();
        assertNotEquals(base, s.stream("head", 1, 2, 4).nextLong());
        assertNotEquals(base, s.stream("head", 2, 1, 3).nextLong());
        assertNotEquals(base, s.stream("rep", 1, 2, 3).nextLong());
        assertNotEquals(base, s.scoped("probe").stream("head", 1, 2, 3).nextLong());
        assertNotEquals(base, new SeededRandomStreams(8).stream("head", 1, 2, 3).nextLong());
        assertNotEquals(s.stream("k", 0).nextLong(), s.stream("k").nextLong());
    }

    @Test
    void gaussiansHaveUnitVarianceAndZeroMean() {
        RandomStream rng = new SeededRandomStreams(1).stream("g");
        int n = 200_000;
        double[] x = new double[n];
        rng.nextGaussians(x, 0, n);
        double sum = 0;
        double sq = 0;
        for (double v : x) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        assertTrue(Math.abs(mean) < 5 / Math.sqrt(n), "mean " + mean);
        assertTrue(Math.abs(var - 1) < 5 * Math.sqrt(2.0 / n), "variance " + var);
    }
}
