package org.mtrl.core.linalg;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;

/** Random matrices with exact distributional guarantees. */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /**
     * A d x r matrix with orthonormal columns, uniformly (Haar) distributed: the Q factor of a Gaussian
     * matrix, with column signs fixed so that R has a positive diagonal (without that fix QR's sign
     * convention would bias the distribution).
     */
    public static Matrix haarOrthonormal(int d, int r, RandomStream rng) {
        if (r < 1 || r > d) {
            throw new IllegalArgumentException("need 1 <= r <= d, got d=" + d + ", r=" + r);
        }
        double[][] g = new double[d][r];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < r; j++) {
                g[i][j] = rng.nextGaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ();
        RealMatrix rf = qr.getR();
        double[] out = new double[d * r];
        for (int j = 0; j < r; j++) {
            double sign = rf.getEntry(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < d; i++) {
                out[i * r + j] = sign * q.getEntry(i, j);
            }
        }
        return new Matrix(d, r, out);
    }

    /** A d-vector uniform on the unit sphere. */
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
