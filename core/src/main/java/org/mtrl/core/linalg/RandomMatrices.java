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
        ThinQr qr = new ThinQr(g);
        double[][] qt = qr.thinQTranspose();
        RealMatrix rf = qr.getR();
        double[] out = new double[d * r];
        for (int j = 0; j < r; j++) {
            double sign = rf.getEntry(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < d; i++) {
                out[i * r + j] = sign * qt[j][i];
            }
        }
        return new Matrix(d, r, out);
    }

    /**
     * Commons Math's Householder QR, but with only the first r columns of Q: its {@code getQ()} builds
     * the full d x d matrix, 3.2 GB at d = 20,000. The columns are computed by the same loop as
     * {@code QRDecomposition.getQT()} restricted to its first r rows (each row only depends on
     * itself), so they are bit for bit the columns the full Q has.
     */
    private static final class ThinQr extends QRDecomposition {
        /** The transposed, decomposed matrix (Householder vectors below the diagonal), captured from the superclass. */
        private double[][] qrt;

        ThinQr(double[][] g) {
            super(new Array2DRowRealMatrix(g, false));
        }

        @Override
        protected void decompose(double[][] matrix) {
            super.decompose(matrix);
            qrt = matrix;
        }

        /** Rows 0..r-1 of Q^T, i.e. the first r columns of Q. */
        double[][] thinQTranspose() {
            int n = qrt.length;
            int m = qrt[0].length;
            RealMatrix rf = getR();
            double[][] qta = new double[n][m];
            for (int minor = n - 1; minor >= 0; minor--) {
                double[] qrtMinor = qrt[minor];
                qta[minor][minor] = 1.0;
                if (qrtMinor[minor] != 0.0) {
                    double rDiag = rf.getEntry(minor, minor);
                    for (int col = minor; col < n; col++) {
                        double alpha = 0;
                        for (int row = minor; row < m; row++) {
                            alpha -= qta[col][row] * qrtMinor[row];
                        }
                        alpha /= rDiag * qrtMinor[minor];
                        for (int row = minor; row < m; row++) {
                            qta[col][row] += -alpha * qrtMinor[row];
                        }
                    }
                }
            }
            return qta;
        }
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
