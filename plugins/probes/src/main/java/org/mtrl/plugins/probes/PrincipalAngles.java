package org.mtrl.plugins.probes;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.Vectors;

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
        DMatrixRMaj outside = new DMatrixRMaj(d, k);
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
                outside.unsafe_set(i, c, v[c * d + i] - Vectors.dot(m, i * r, coefficients, 0, r));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, k, false, false, true);
        if (!svd.decompose(outside)) {
            throw new IllegalStateException("SVD of the " + d + " x " + k + " part of V outside span(M) failed");
        }
        double[] singular = Arrays.copyOf(svd.getSingularValues(), k);
        Arrays.sort(singular);  // EJML leaves them unordered; the sines go largest first
        for (int c = 0; c < k; c++) {
            sines[r - k + c] = Math.min(1.0, Math.max(0.0, singular[k - 1 - c]));
        }
        return sines;
    }
}
