package org.mtrl.plugins.probes;

import org.mtrl.core.linalg.Vectors;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;

/**
 * Sines of the principal angles between span(M) (r-dimensional) and the span of k &lt;= r
 * orthonormal vectors V. The k sines are the singular values of (I - M M^T) V, the part of V
 * outside span(M); mathematically they equal sqrt(1 - cos^2) with the cosines the singular values of
 * M^T V, but computed this way a small angle keeps full precision instead of losing half the digits
 * to the cancellation in 1 - cos^2. The r - k directions of M that V cannot reach count as unlearned:
 * sine 1.
 */
final class PrincipalAngles {
    private PrincipalAngles() {
    }

    /**
     * @param basis k x d matrix whose rows are orthonormal, k &lt;= r
     * @return r sines in [0, 1], sorted descending
     */
    static double[] sines(Subspace groundTruth, Matrix basis) {
        int d = groundTruth.dim();
        int r = groundTruth.rank();
        int k = basis.rows();
        if (basis.cols() != d || k > r) {
            throw new IllegalArgumentException("need a k x " + d + " basis with k <= r=" + r + ", got " + basis);
        }
        double[] sines = new double[r];
        Arrays.fill(sines, 0, r - k, 1.0);
        if (k == 0) {
            return sines;
        }
        double[] m = groundTruth.basis().data();
        double[] v = basis.data();
        double[][] outside = new double[d][k];
        double[] coefficients = new double[r];
        for (int c = 0; c < k; c++) {
            Arrays.fill(coefficients, 0);
            for (int i = 0; i < d; i++) {
                double vi = v[c * d + i];
                for (int j = 0; j < r; j++) {
                    coefficients[j] += m[i * r + j] * vi;
                }
            }
            for (int i = 0; i < d; i++) {
                outside[i][c] = v[c * d + i] - Vectors.dot(m, i * r, coefficients, 0, r);
            }
        }
        double[] singular = new SingularValueDecomposition(new Array2DRowRealMatrix(outside, false))
                .getSingularValues();
        for (int c = 0; c < k; c++) {
            sines[r - k + c] = Math.min(1.0, Math.max(0.0, singular[c]));
        }
        return sines;
    }
}
