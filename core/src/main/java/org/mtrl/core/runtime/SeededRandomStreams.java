package org.mtrl.core.runtime;

import java.nio.charset.StandardCharsets;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;

/**
 * Random streams derived from (seed, purpose, key) by SplitMix64 hashing: a stream's numbers depend
 * only on its name, never on which thread asks for it or when.
 */
public final class SeededRandomStreams implements RandomStreams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final String prefix;

    public SeededRandomStreams(long seed) {
        this(seed, "");
    }

    private SeededRandomStreams(long seed, String prefix) {
        this.seed = seed;
        this.prefix = prefix;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public RandomStream stream(String purpose, long... key) {
        long h = mix(seed ^ GOLDEN_GAMMA);
        h = mix(h ^ hash(prefix + purpose));
        for (long k : key) {
            h = mix(h + GOLDEN_GAMMA * (k + 1));
        }
        return new XoShiRoStream(h);
    }

    @Override
    public RandomStreams scoped(String scope) {
        return new SeededRandomStreams(seed, prefix + scope + "/");
    }

    /** The SplitMix64 finaliser (Stafford's Mix13): a bijection with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long hash(String s) {
        long h = 0xCBF29CE484222325L; // FNV-1a 64
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}
