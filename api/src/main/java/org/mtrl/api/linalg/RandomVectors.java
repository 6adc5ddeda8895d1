package org.mtrl.api.linalg;

import org.mtrl.api.runtime.RandomStream;

/** Random vectors with exact distributional guarantees. */
public final class RandomVectors {
    private RandomVectors() {
    }

    /** A d-vector uniform on the unit sphere: a standard Gaussian vector, normalised (redrawn if all zero). */
    public static double[] unitVector(int d, RandomStream rng) {
        double[] v = new double[d];
        double norm;
        do {
            rng.nextGaussians(v, 0, d);
            norm = 0;
            for (double x : v) {
                norm += x * x;
            }
        } while (norm == 0);
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < d; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
