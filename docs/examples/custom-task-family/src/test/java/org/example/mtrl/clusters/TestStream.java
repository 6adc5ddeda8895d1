package org.example.mtrl.clusters;

import java.util.SplittableRandom;
import org.mtrl.api.runtime.RandomStream;

/** A seeded stream for tests (mtrl's own streams live in core, which a plugin does not depend on). */
final class TestStream implements RandomStream {
    private final SplittableRandom random;

    TestStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public double nextGaussian() {
        // Box-Muller; fine for tests.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
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
