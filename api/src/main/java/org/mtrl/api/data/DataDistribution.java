package org.mtrl.api.data;

import org.mtrl.api.runtime.RandomStream;

/**
 * The input distribution of a run together with its hidden ground truth. An instance is built once
 * per run (its ground truth drawn from the run's random streams) and then only sampled.
 * Implementations must be safe for concurrent {@link #sample} calls with distinct streams.
 */
public interface DataDistribution {

    /** The input dimension d. */
    int dim();

    /** The ground truth M whose span every task's labels depend on. */
    Subspace groundTruth();

    /**
     * Draws n inputs into {@code x} (n x d, row-major), using only {@code rng}.
     */
    void sample(RandomStream rng, double[] x, int n);

    /**
     * Whether x is exactly standard Gaussian, N(0, I_d). Only then may the framework sample inputs in
     * a small subspace and the rest of the gradient as one Gaussian matrix (projected sampling, exact
     * in distribution), never calling {@link #sample}: a false declaration would train on other data
     * unseen, so the test kit's distribution checks test a declaring distribution's samples against
     * N(0, I_d). The default is false: samples are drawn by {@link #sample}.
     */
    default boolean standardGaussian() {
        return false;
    }
}
