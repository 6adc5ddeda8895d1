package org.mtrl.core.runtime;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.mtrl.api.runtime.RandomStream;

/** A {@link RandomStream} on xoshiro256++ with the ziggurat Gaussian sampler (both Commons RNG). */
final class XoShiRoStream implements RandomStream {
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    XoShiRoStream(long seed) {
        long s0 = SeededRandomStreams.mix(seed + 0x9E3779B97F4A7C15L);
        long s1 = SeededRandomStreams.mix(seed + 2 * 0x9E3779B97F4A7C15L);
        long s2 = SeededRandomStreams.mix(seed + 3 * 0x9E3779B97F4A7C15L);
        long s3 = SeededRandomStreams.mix(seed + 4 * 0x9E3779B97F4A7C15L);
        this.rng = new XoShiRo256PlusPlus(s0, s1, s2, s3);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return gaussian.sample();
    }

    @Override
    public long nextLong() {
        return rng.nextLong();
    }

    @Override
    public int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    @Override
    public void nextGaussians(double[] out, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            out[i] = gaussian.sample();
        }
    }
}
