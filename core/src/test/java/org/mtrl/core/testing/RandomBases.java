package org.mtrl.core.testing;

import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;

/**
 * Random orthonormal bases for test fixtures: the Q factor, by modified Gram-Schmidt, of a d x r
 * Gaussian matrix drawn row by row from {@code rng}. So it is Haar-distributed and, since Q is unique
 * once R's diagonal is positive, equal up to rounding to the ground truth subspace-tasks draws from the
 * same stream (whose exact bits, from EJML's Householder QR, the default run's numbers depend on).
 */
public final class RandomBases {
    private RandomBases() {
    }

    /** A d x r matrix with orthonormal columns. */
    public static Matrix orthonormal(int d, int r, RandomStream rng) {
        double[] q = new double[d * r];
        for (int k = 0; k < d * r; k++) {
            q[k] = rng.nextGaussian(); // row-major: row i, then column j
        }
        for (int j = 0; j < r; j++) {
            for (int p = 0; p < j; p++) {
                double along = 0;
                for (int i = 0; i < d; i++) {
                    along += q[i * r + j] * q[i * r + p];
                }
                for (int i = 0; i < d; i++) {
                    q[i * r + j] -= along * q[i * r + p];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += q[i * r + j] * q[i * r + j];
            }
            double inv = 1 / Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                q[i * r + j] *= inv;
            }
        }
        return new Matrix(d, r, q);
    }
}
