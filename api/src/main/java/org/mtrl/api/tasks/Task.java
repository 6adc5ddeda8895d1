package org.mtrl.api.tasks;

import org.mtrl.api.runtime.RandomStream;

/**
 * One binary task. It sees an input only through its projection z = M^T x on the ground truth, so
 * every task family respects the paper's structure by construction.
 * Implementations are immutable and safe for concurrent use.
 */
public interface Task {

    /**
     * Labels n points.
     *
     * @param z   projections, row-major n x r
     * @param n   number of points
     * @param rng randomness for label noise (unused by noiseless tasks)
     * @param y   output labels in {-1, +1}, length at least n
     */
    void label(double[] z, int n, RandomStream rng, double[] y);
}
