package org.mtrl.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;

/**
 * How a stream follows from its name, re-derived here from the published algorithms: SplitMix64's
 * finaliser and FNV-1a (each checked against its published test vectors), then the reference
 * xoshiro256++ of Commons RNG seeded the documented way. Golden values at the end pin the numbers
 * that results published with this version were drawn from.
 */
class StreamDerivationTest {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** SplitMix64's output function (Steele, Lea and Flood 2014; Stafford's Mix13 constants). */
    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes. */
    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** The generator {@code stream(purpose, key)} of {@code seed} should be, by the documented derivation. */
    private static XoShiRo256PlusPlus reference(long seed, String purpose, long... key) {
        long h = splitMix(seed ^ GOLDEN_GAMMA);
        h = splitMix(h ^ fnv1a(purpose));
        for (long k : key) {
            h = splitMix(h + GOLDEN_GAMMA * (k + 1));
        }
        return new XoShiRo256PlusPlus(splitMix(h + GOLDEN_GAMMA), splitMix(h + 2 * GOLDEN_GAMMA),
                splitMix(h + 3 * GOLDEN_GAMMA), splitMix(h + 4 * GOLDEN_GAMMA));
    }

    @Test
    void theReferenceHashesMatchTheirPublishedVectors() {
        // SplitMix64 seeded with 0: its first two outputs
        assertEquals(0xE220A8397B1DCDAFL, splitMix(GOLDEN_GAMMA));
        assertEquals(0x6E789E6AA1B965F4L, splitMix(2 * GOLDEN_GAMMA));
        // FNV-1a 64 test vectors (Fowler, Noll, Vo)
        assertEquals(0xCBF29CE484222325L, fnv1a(""));
        assertEquals(0xAF63DC4C8601EC8CL, fnv1a("a"));
        assertEquals(0x85944171F73967E8L, fnv1a("foobar"));
    }

    @Test
    void theFinaliserIsSplitMix64() {
        RandomStream inputs = new SeededRandomStreams(1).stream("finaliser inputs");
        for (int i = 0; i < 1000; i++) {
            long z = inputs.nextLong();
            assertEquals(splitMix(z), SeededRandomStreams.mix(z), "mix(" + z + ")");
        }
    }

    @Test
    void aStreamIsXoShiRoSeededFromTheHashOfItsSeedPurposeAndKey() {
        check(0, "head");
        check(42, "head", 1, 2, 3);
        check(-7, "rep", 0);
        check(Long.MAX_VALUE, "ground-truth");
        check(3, "données é", -1, Long.MIN_VALUE);
    }

    private static void check(long seed, String purpose, long... key) {
        RandomStream stream = new SeededRandomStreams(seed).stream(purpose, key);
        XoShiRo256PlusPlus reference = reference(seed, purpose, key);
        for (int i = 0; i < 50; i++) {
            assertEquals(reference.nextLong(), stream.nextLong(), purpose + " of seed " + seed + ", draw " + i);
        }
    }

    @Test
    void scopesPrefixThePurposeWithTheirPath() {
        RandomStreams streams = new SeededRandomStreams(9);
        RandomStreams nested = streams.scoped("probe").scoped("downstream");
        assertEquals(9, nested.seed());
        assertEquals(streams.stream("probe/downstream/tasks", 4).nextLong(), nested.stream("tasks", 4).nextLong());
        XoShiRo256PlusPlus reference = reference(9, "probe/downstream/tasks", 4);
        assertEquals(reference.nextLong(), nested.stream("tasks", 4).nextLong());
    }

    /** The first numbers of two streams: results drawn with this version of mtrl depend on them. */
    @Test
    void goldenValues() {
        RandomStream stream = new SeededRandomStreams(42).stream("head", 1, 2, 3);
        assertEquals(GOLDEN_LONG, stream.nextLong());
        double[] normals = new double[3];
        new SeededRandomStreams(1).stream("x", 0).nextGaussians(normals, 0, 3);
        assertEquals(GOLDEN_NORMALS[0], normals[0], 0.0);
        assertEquals(GOLDEN_NORMALS[1], normals[1], 0.0);
        assertEquals(GOLDEN_NORMALS[2], normals[2], 0.0);
    }

    private static final long GOLDEN_LONG = -5565225735668189834L;
    private static final double[] GOLDEN_NORMALS = {0.15518337884200534, 0.20581591974530863, 1.1428895090501268};
}
