package org.mtrl.plugins.probes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderTran_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.mtrl.api.linalg.Matrix;

/**
 * An orthonormal basis of the span of the top right singular vectors of W (m x d), from EJML's SVD,
 * never from a Gram matrix (W^T W or W W^T would square W's condition number).
 *
 * <p>When W is wide (d &gt; m, the usual case) it first takes the thin QR W^T = Q R (Q d x m), so the
 * SVD is of the small m x m matrix R^T: W = R^T Q^T, hence W's right singular vectors are Q times
 * those of R^T. At m = 200, d = 4000 this takes about as long as the former Gram route and a sixth of
 * EJML's SVD of W itself (docs/performance.md).
 *
 * <p>Directions whose singular value is at most {@link #RELATIVE_SINGULAR_TOLERANCE} times the
 * largest are numerically absent, so the basis may have fewer vectors than asked for; W = 0 gives none.
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
        DMatrixRMaj weights = DMatrixRMaj.wrap(m, d, w.data());
        if (d <= m) {
            SingularValueDecomposition_F64<DMatrixRMaj> svd = decompose(weights);
            return topRows(svd.getV(null, true), top(svd, count));
        }
        // The QR that works on the transpose of its input (rows of W, contiguous) and applies Q to a
        // d x k matrix without forming Q's d x m columns.
        QRDecompositionHouseholderTran_DDRM qr = new QRDecompositionHouseholderTran_DDRM();
        // false only flags a column that is exactly zero below the diagonal (W of lower rank): its
        // Householder reflector is then the identity, and Q and R are still exact.
        qr.decompose(CommonOps_DDRM.transpose(weights, null));
        SingularValueDecomposition_F64<DMatrixRMaj> svd = decompose(CommonOps_DDRM.transpose(qr.getR(null, true), null));
        Matrix small = topRows(svd.getV(null, true), top(svd, count));  // k x m: right singular vectors of R^T
        int k = small.rows();
        DMatrixRMaj vectors = new DMatrixRMaj(d, k);  // those vectors as columns, padded with zeros to d rows
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m; i++) {
                vectors.unsafe_set(i, c, small.get(c, i));
            }
        }
        qr.applyQ(vectors);
        return new Matrix(k, d, CommonOps_DDRM.transpose(vectors, null).data);
    }

    private static SingularValueDecomposition_F64<DMatrixRMaj> decompose(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, true, true);
        if (!svd.decompose(svd.inputModified() ? a.copy() : a)) {
            throw new IllegalStateException("SVD of a " + a.numRows + " x " + a.numCols + " matrix did not converge");
        }
        return svd;
    }

    /** The indices of the largest singular values, largest first: at most {@code count}, none numerically zero. */
    private static int[] top(SingularValueDecomposition_F64<DMatrixRMaj> svd, int count) {
        double[] s = svd.getSingularValues();
        int n = svd.numberOfSingularValues();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> s[i]).reversed());
        double floor = RELATIVE_SINGULAR_TOLERANCE * s[order[0]];
        int k = 0;
        while (k < Math.min(count, n) && s[order[k]] > floor) {
            k++;
        }
        return Arrays.stream(order, 0, k).mapToInt(Integer::intValue).toArray();
    }

    /** Rows {@code picked} of {@code vt}, in that order. */
    private static Matrix topRows(DMatrixRMaj vt, int[] picked) {
        int n = vt.numCols;
        double[] rows = new double[picked.length * n];
        for (int c = 0; c < picked.length; c++) {
            System.arraycopy(vt.data, picked[c] * n, rows, c * n, n);
        }
        return new Matrix(picked.length, n, rows);
    }
}
