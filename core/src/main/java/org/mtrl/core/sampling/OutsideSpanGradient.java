package org.mtrl.core.sampling;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.linalg.Vectors;

/**
 * The first-layer gradient in R^d from its projected parts (docs/math.md, "Projected sampling"). With
 * x_s = Q u_s + P xi_s (P = I - Q Q^T, xi_s ~ N(0, I_d) independent of u_s), the gradient
 * sum_s c_s x_s^T is G_u Q^T + S P, where G_u = sum_s c_s u_s^T is the reduced model's gradient and,
 * given the c_s, S = sum_s c_s xi_s^T has independent N(0, C) columns, C = sum_s c_s c_s^T. So S is
 * drawn as L Z (L the symmetric square root of C, Z an m x d standard normal matrix) and
 * G = L Z + (G_u - (L Z) Q) Q^T, in O(m^2 d + 2 m k d) instead of the n m d of explicit samples.
 *
 * <p>Z is drawn in blocks of {@link #BLOCK} columns, block b from the stream
 * {@code (purpose + "-outside", round, b)}, and every entry of the result is a fixed-order sum, so the
 * result does not depend on the thread count.
 */
public final class OutsideSpanGradient {
    /** Columns of Z per random stream and unit of parallel work. */
    static final int BLOCK = 512;

    private OutsideSpanGradient() {
    }

    /**
     * The m x d first-layer gradient, row-major.
     *
     * @param reduced G_u, m x k row-major
     * @param gram    C, m x m row-major (symmetric, positive semi-definite)
     * @param m       the width
     * @param basis   Q^T, k x d with orthonormal rows
     */
    public static double[] lift(double[] reduced, double[] gram, int m, Matrix basis, RandomStreams streams,
                                String purpose, int round, Workers workers) {
        int k = basis.rows();
        int d = basis.cols();
        double[] root = symmetricSquareRoot(gram, m);
        double[] q = basis.data();
        double[] g = new double[Math.multiplyExact(m, d)];
        int blocks = (d + BLOCK - 1) / BLOCK;
        workers.forEach(blocks, b -> {
            int from = b * BLOCK;
            int width = Math.min(BLOCK, d - from);
            double[] z = new double[m * width];
            RandomStream rng = streams.stream(purpose + "-outside", round, b);
            rng.nextGaussians(z, 0, z.length);
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < m; l++) {
                    Vectors.axpy(root[i * m + l], z, l * width, g, i * d + from, width);
                }
            }
        });
        // B = G_u - (L Z) Q (m x k), then G = L Z + B Q^T, by blocked products (Q is streamed a few times)
        double[] inside = RowProducts.timesTransposed(g, m, q, k, d, workers);
        double[] negatedTransposed = new double[k * m];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                negatedTransposed[c * m + i] = inside[i * k + c] - reduced[i * k + c];
            }
        }
        RowProducts.subtractProjections(q, k, negatedTransposed, g, m, d, workers);
        return g;
    }

    /**
     * L = V diag(sqrt(max(lambda, 0))) V^T for C = V diag(lambda) V^T: L L^T = C also when C is
     * singular (rounding can make a zero eigenvalue slightly negative; it is taken as zero).
     */
    static double[] symmetricSquareRoot(double[] c, int m) {
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = java.util.Arrays.copyOfRange(c, i * m, (i + 1) * m);
        }
        // Commons Math's symmetric eigen-decomposition (Householder tridiagonalisation, then QL)
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        double[] root = new double[m * m];
        for (int e = 0; e < m; e++) {
            double scale = Math.sqrt(Math.max(0, eigen.getRealEigenvalue(e)));
            if (scale == 0) {
                continue;
            }
            double[] v = eigen.getEigenvector(e).toArray();
            for (int i = 0; i < m; i++) {
                double vi = scale * v[i];
                for (int j = 0; j < m; j++) {
                    root[i * m + j] += vi * v[j];
                }
            }
        }
        return root;
    }
}
