package org.mtrl.api.runtime;

/**
 * A sequential source of random numbers. Each stream is owned by one thread at a time; parallel work
 * asks {@link RandomStreams} for one stream per unit of work, so results do not depend on threads.
 */
public interface RandomStream {

    /** Uniform in [0, 1). */
    double nextDouble();

    /** Standard normal. */
    double nextGaussian();

    /** Uniform over all longs. */
    long nextLong();

    /** Uniform in [0, bound), bound &gt; 0. */
    int nextInt(int bound);

    /** Fills {@code out[from, from + length)} with standard normals (the fast path for sampling). */
    default void nextGaussians(double[] out, int from, int length) {
        for (int i = from; i < from + length; i++) {
            out[i] = nextGaussian();
        }
    }
}
