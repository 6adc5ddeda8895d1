package org.mtrl.plugins.relu;

import java.util.SplittableRandom;
import org.mtrl.api.runtime.RandomStream;

/**
 * The warm-up's own random numbers (the JDK's {@link SplittableRandom}): it runs before and beside any
 * run, so it needs no stream of the run's, and a plugin sees only the api.
 */
final class WarmUpStream implements RandomStream {
    private final SplittableRandom random;

    WarmUpStream(long seed) {
        this.random = new SplittableRandom(seed);
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
