package org.mtrl.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

/**
 * The generator against the reference xoshiro256++ (Commons RNG's, test scope only), and the ziggurat
 * normals against N(0, 1): moments, tails beyond the ziggurat's own boundaries, and a
 * Kolmogorov-Smirnov test, each with a fixed seed and a tolerance of five standard errors.
 */
class XoShiRoStreamTest {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The reference generator in the state a stream of {@code seed} starts in. */
    private static XoShiRo256PlusPlus reference(long seed) {
        return new XoShiRo256PlusPlus(SeededRandomStreams.mix(seed + GOLDEN_GAMMA),
                SeededRandomStreams.mix(seed + 2 * GOLDEN_GAMMA), SeededRandomStreams.mix(seed + 3 * GOLDEN_GAMMA),
                SeededRandomStreams.mix(seed + 4 * GOLDEN_GAMMA));
    }

    @Test
    void longsAndDoublesAreTheReferenceXoShiRo256PlusPlus() {
        long seed = 42;
        XoShiRoStream stream = new XoShiRoStream(seed);
        XoShiRo256PlusPlus reference = reference(seed);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextLong(), stream.nextLong(), "draw " + i);
            assertEquals(reference.nextDouble(), stream.nextDouble(), "double " + i);
        }
    }

    /**
     * A normal from a layer's core is the draw's high 53 bits, signed, times the layer's width, with
     * the layer in the low 8 bits: checked against the reference generator's draws up to the first
     * that misses its core, after which the stream must go on with the reference's next draw.
     */
    @Test
    void coreNormalsAreReadOffTheReferenceDraws() {
        int compared = 0;
        for (long seed = 1; seed <= 5; seed++) {
            XoShiRo256PlusPlus reference = reference(seed);
            double[] expected = new double[1000];
            int count = 0;
            while (count < expected.length) {
                long u = reference.nextLong();
                int layer = (int) (u & 255);
                long s = u >> 11;
                if (Math.abs(s) >= NormalZiggurat.CORE[layer]) {
                    break;
                }
                expected[count++] = s * NormalZiggurat.WIDTH[layer];
            }
            compared += count;
            XoShiRoStream stream = new XoShiRoStream(seed);
            double[] normals = new double[count];
            stream.nextGaussians(normals, 0, count);
            for (int i = 0; i < count; i++) {
                assertEquals(expected[i], normals[i], 0.0, "seed " + seed + ", normal " + i);
            }
            XoShiRo256PlusPlus after = reference(seed);
            for (int i = 0; i < count; i++) {
                after.nextLong();
            }
            assertEquals(after.nextLong(), stream.nextLong(), "the state after the normals, seed " + seed);
        }
        assertTrue(compared > 100, "only " + compared + " normals compared");
    }

    @Test
    void singleNormalsAreTheSameSequenceAsArrays() {
        double[] filled = new double[100_000];
        new XoShiRoStream(3).nextGaussians(filled, 0, filled.length);
        XoShiRoStream single = new XoShiRoStream(3);
        for (int i = 0; i < filled.length; i++) {
            assertEquals(Double.doubleToRawLongBits(filled[i]), Double.doubleToRawLongBits(single.nextGaussian()),
                    "normal " + i);
        }
    }

    @Test
    void normalsHaveTheMomentsOfAStandardNormal() {
        int n = 4_000_000;
        double[] x = new double[n];
        new XoShiRoStream(11).nextGaussians(x, 0, n);
        double[] sums = new double[4];
        for (double v : x) {
            double p = v;
            for (int k = 0; k < 4; k++) {
                sums[k] += p;
                p *= v;
            }
        }
        // E x^k and the standard deviation of x^k for k = 1..4: 0, 1, 0, 3 and 1, sqrt 2, sqrt 15, sqrt 96
        double[] expected = {0, 1, 0, 3};
        double[] sd = {1, Math.sqrt(2), Math.sqrt(15), Math.sqrt(96)};
        for (int k = 0; k < 4; k++) {
            double moment = sums[k] / n;
            assertEquals(expected[k], moment, 5 * sd[k] / Math.sqrt(n), "moment " + (k + 1));
        }
    }

    @Test
    void tailsBeyondTheZigguratBoundariesHaveTheNormalProbabilities() {
        int n = 4_000_000;
        double[] x = new double[n];
        new XoShiRoStream(12).nextGaussians(x, 0, n);
        NormalDistribution normal = new NormalDistribution(0, 1);
        // 3.654 starts the tail method, 3.449 bounds the second layer, 0.215 is the top layer's width
        for (double cut : new double[] {0.2152418959132738, 1, 2, 3.4492782985609645, 3.6541528853610088, 4.5}) {
            long beyond = 0;
            for (double v : x) {
                if (Math.abs(v) > cut) {
                    beyond++;
                }
            }
            double p = 2 * normal.cumulativeProbability(-cut);
            double sd = Math.sqrt(n * p * (1 - p));
            assertEquals(n * p, beyond, 5 * sd + 1, "P(|x| > " + cut + ")");
        }
    }

    @Test
    void theTailMethodDrawsTheNormalTailBeyondItsStart() {
        double start = 3.6541528853610088;
        XoShiRoStream stream = new XoShiRoStream(14);
        NormalDistribution normal = new NormalDistribution(0, 1);
        int n = 200_000;
        double[] excess = {0.05, 0.1, 0.2, 0.4, 0.8};
        long[] beyond = new long[excess.length];
        for (int i = 0; i < n; i++) {
            double z = NormalZiggurat.outsideCore(0, i % 2 == 0 ? Long.MAX_VALUE >> 11 : Long.MIN_VALUE >> 11, stream);
            assertTrue(Math.abs(z) > start && (z > 0) == (i % 2 == 0), "tail draw " + z);
            for (int k = 0; k < excess.length; k++) {
                if (Math.abs(z) > start + excess[k]) {
                    beyond[k]++;
                }
            }
        }
        for (int k = 0; k < excess.length; k++) {
            double p = normal.cumulativeProbability(-start - excess[k]) / normal.cumulativeProbability(-start);
            assertEquals(n * p, beyond[k], 5 * Math.sqrt(n * p * (1 - p)), "P(|x| > r + " + excess[k] + " | tail)");
        }
    }

    @Test
    void normalsPassAKolmogorovSmirnovTest() {
        double[] x = new double[200_000];
        new XoShiRoStream(13).nextGaussians(x, 0, x.length);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), x);
        assertTrue(p > 1e-3, "Kolmogorov-Smirnov p-value " + p);
    }

    @Test
    void openUnitsAreTheTop53BitsPlusOneUlp() {
        XoShiRoStream stream = new XoShiRoStream(8);
        XoShiRoStream replay = new XoShiRoStream(8);
        for (int i = 0; i < 1000; i++) {
            double u = stream.nextOpenUnit();
            assertEquals(((replay.nextLong() >>> 11) + 1) * 0x1p-53, u, 0.0);
            assertTrue(u > 0 && u <= 1, "open unit " + u);
        }
    }

    /**
     * Lemire's method written out: the high half of a 32-bit draw times the bound, redrawn while the
     * low half falls among the 2^32 mod bound products that would make some results more likely. The
     * bound 1431655766 = (2^32 + 2) / 3 rejects a third of the attempts: half a redraw per result.
     */
    @Test
    void boundedIntegersRejectExactlyTheExcessProducts() {
        for (int bound : new int[] {1431655766, 7, 1 << 30, Integer.MAX_VALUE}) {
            XoShiRoStream stream = new XoShiRoStream(6);
            XoShiRoStream replay = new XoShiRoStream(6);
            long threshold = (1L << 32) % bound;
            int rejected = 0;
            for (int i = 0; i < 3000; i++) {
                long product = (replay.nextLong() >>> 32) * bound;
                while ((product & 0xFFFFFFFFL) < threshold) {
                    rejected++;
                    product = (replay.nextLong() >>> 32) * bound;
                }
                assertEquals(product >>> 32, stream.nextInt(bound), "bound " + bound + ", draw " + i);
            }
            if (bound == 1431655766) {
                assertEquals(1500, rejected, 150, "rejections at bound " + bound);
            }
        }
    }

    @Test
    void boundedIntegersAreUniformAndInRange() {
        XoShiRoStream stream = new XoShiRoStream(5);
        int bound = 7;
        int n = 700_000;
        long[] counts = new long[bound];
        for (int i = 0; i < n; i++) {
            counts[stream.nextInt(bound)]++;
        }
        double chiSquare = 0;
        for (long c : counts) {
            chiSquare += (c - n / (double) bound) * (c - n / (double) bound) / (n / (double) bound);
        }
        assertTrue(chiSquare < 22.46, "chi-square with 6 degrees of freedom " + chiSquare + " (p = 0.001 at 22.46)");
        for (int i = 0; i < 1000; i++) {
            int v = stream.nextInt(Integer.MAX_VALUE);
            assertTrue(v >= 0, "nextInt(MAX_VALUE) gave " + v);
            assertEquals(0, stream.nextInt(1));
        }
        assertThrows(IllegalArgumentException.class, () -> stream.nextInt(0));
    }
}
