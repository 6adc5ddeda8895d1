package org.mtrl.plugins.probes;

import org.mtrl.core.linalg.Vectors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.mtrl.api.linalg.Matrix;

/**
 * An orthonormal basis of the span of the top right singular vectors of W (m x d).
 *
 * <p>It eigen-decomposes the Gram matrix of W's smaller side (W^T W when m &gt; d, W W^T otherwise,
 * so the decomposition is min(m, d) square): Commons Math's dense SVD of a 1000 x 1000 matrix takes
 * about 20 s, its symmetric eigensolver on the smaller Gram matrix a fraction of that. When W W^T is
 * used, the right singular directions are W^T u_i, re-orthonormalised by Gram-Schmidt done twice.
 *
 * <p>Directions whose singular value is at most {@link #RELATIVE_SINGULAR_TOLERANCE} times the
 * largest are numerically absent (the Gram matrix resolves eigenvalues only to about n * 1e-16
 * times the largest), so the basis may have fewer vectors than asked for; W = 0 gives none.
 */
final class TopRightSingularSubspace {
    /** s_i / s_1 at or below this counts as a zero singular value. */
    static final double RELATIVE_SINGULAR_TOLERANCE = 1e-6;

    private TopRightSingularSubspace() {
    }

    /**
     * Up to {@code count} orthonormal basis vectors of the top right singular subspace of {@code w},
     * as the rows of a k x d matrix, k &lt;= count (fewer when W has fewer nonzero singular values).
     */
    static Matrix basis(Matrix w, int count) {
        int m = w.rows();
        int d = w.cols();
        if (m == 0 || w.frobeniusNorm() == 0) {
            return Matrix.zeros(0, d);
        }
        boolean rowGram = m <= d;
        int n = rowGram ? m : d;
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(
                rowGram ? rowGram(w) : columnGram(w), false));
        double[] eigenvalues = eigen.getRealEigenvalues();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigenvalues[i]).reversed());
        double floor = RELATIVE_SINGULAR_TOLERANCE * RELATIVE_SINGULAR_TOLERANCE * eigenvalues[order[0]];
        int k = 0;
        while (k < Math.min(count, n) && eigenvalues[order[k]] > floor) {
            k++;
        }
        double[] vectors = new double[k * d];
        for (int c = 0; c < k; c++) {
            RealVector u = eigen.getEigenvector(order[c]);
            if (rowGram) {
                addTransposeTimes(w, u, vectors, c * d);
            } else {
                for (int b = 0; b < d; b++) {
                    vectors[c * d + b] = u.getEntry(b);
                }
            }
        }
        int kept = orthonormalise(vectors, k, d);
        return new Matrix(kept, d, Arrays.copyOf(vectors, kept * d));
    }

    /** W W^T, m x m. */
    private static double[][] rowGram(Matrix w) {
        int m = w.rows();
        int d = w.cols();
        double[] x = w.data();
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v = Vectors.dot(x, i * d, x, j * d, d);
                g[i][j] = v;
                g[j][i] = v;
            }
        }
        return g;
    }

    /** W^T W, d x d, accumulated row by row of W so the inner loop runs over contiguous memory. */
    private static double[][] columnGram(Matrix w) {
        int m = w.rows();
        int d = w.cols();
        double[] x = w.data();
        double[][] g = new double[d][d];
        for (int i = 0; i < m; i++) {
            int o = i * d;
            for (int a = 0; a < d; a++) {
                double wa = x[o + a];
                if (wa == 0) {
                    continue;
                }
                double[] ga = g[a];
                for (int b = a; b < d; b++) {
                    ga[b] += wa * x[o + b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                g[b][a] = g[a][b];
            }
        }
        return g;
    }

    /** out[o, o + d) = W^T u. */
    private static void addTransposeTimes(Matrix w, RealVector u, double[] out, int o) {
        int d = w.cols();
        double[] x = w.data();
        for (int i = 0; i < w.rows(); i++) {
            double ui = u.getEntry(i);
            int xo = i * d;
            for (int b = 0; b < d; b++) {
                out[o + b] += ui * x[xo + b];
            }
        }
    }

    /**
     * Orthonormalises the first k rows (length d) of {@code v} in place by modified Gram-Schmidt run
     * twice per vector. Stops at the first vector that is numerically dependent on the earlier ones.
     *
     * @return the number of vectors kept
     */
    private static int orthonormalise(double[] v, int k, int d) {
        for (int c = 0; c < k; c++) {
            int o = c * d;
            double before = Math.sqrt(Vectors.dot(v, o, v, o, d));
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double proj = Vectors.dot(v, p * d, v, o, d);
                    for (int b = 0; b < d; b++) {
                        v[o + b] -= proj * v[p * d + b];
                    }
                }
            }
            double norm = Math.sqrt(Vectors.dot(v, o, v, o, d));
            if (!(norm > 1e-8 * before)) {
                return c;
            }
            double inv = 1 / norm;
            for (int b = 0; b < d; b++) {
                v[o + b] *= inv;
            }
        }
        return k;
    }
}
