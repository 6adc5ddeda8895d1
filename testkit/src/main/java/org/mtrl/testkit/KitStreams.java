package org.mtrl.testkit;

import java.util.SplittableRandom;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;

/**
 * Deterministic random streams for tests: a stream is a function of the seed, its purpose and its key
 * alone, as the api promises, so a test sees the same numbers on every run and any thread count. The
 * numbers are not mtrl's own (the kit does not depend on mtrl's engine); compare against a second
 * computation in the test, never against figures of a real run.
 */
public final class KitStreams implements RandomStreams {
    private final long seed;
    private final String scope;

    /** The streams of {@code seed}. */
    public KitStreams(long seed) {
        this(seed, "");
    }

    private KitStreams(long seed, String scope) {
        this.seed = seed;
        this.scope = scope;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public RandomStream stream(String purpose, long... key) {
        long h = mix(seed);
        for (char c : (scope + purpose).toCharArray()) {
            h = mix(h + c);
        }
        h = mix(h + key.length); // "a" with key (1) differs from "a" with key (1, 0)
        for (long k : key) {
            h = mix(h ^ k);
        }
        return new KitStream(new SplittableRandom(h));
    }

    /** SplitMix64's finaliser: every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public RandomStreams scoped(String scope) {
        return new KitStreams(seed, this.scope + scope + "/");
    }

    /** One sequential stream over {@link SplittableRandom}. */
    private static final class KitStream implements RandomStream {
        private final SplittableRandom random;

        KitStream(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public double nextDouble() {
            return random.nextDouble();
        }

        @Override
        public double nextGaussian() {
            return random.nextGaussian();
        }

        @Override
        public long nextLong() {
            return random.nextLong();
        }

        @Override
        public int nextInt(int bound) {
            return random.nextInt(bound);
        }
    }
}
