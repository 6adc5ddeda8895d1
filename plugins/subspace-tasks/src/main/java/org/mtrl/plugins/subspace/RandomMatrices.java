package org.mtrl.plugins.subspace;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;

/** Random matrices with exact distributional guarantees (EJML's QR; the api stays JDK-only). */
final class RandomMatrices {
    private RandomMatrices() {
    }

    /**
     * A d x r matrix with orthonormal columns, uniformly (Haar) distributed: the Q factor of a Gaussian
     * matrix, with column signs fixed so that R has a positive diagonal (without that fix QR's sign
     * convention would bias the distribution). EJML's Householder QR gives the thin Q (d x r) directly,
     * so memory is d x r even at d = 100,000.
     */
    static Matrix haarOrthonormal(int d, int r, RandomStream rng) {
        if (r < 1 || r > d) {
            throw new IllegalArgumentException("need 1 <= r <= d, got d=" + d + ", r=" + r);
        }
        DMatrixRMaj g = new DMatrixRMaj(d, r);
        for (int k = 0; k < d * r; k++) {
            g.data[k] = rng.nextGaussian();  // row-major: row i, then column j
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, r);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a " + d + " x " + r + " Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj upper = qr.getR(null, true);
        for (int j = 0; j < r; j++) {
            if (upper.get(j, j) < 0) {
                for (int i = 0; i < d; i++) {
                    q.data[i * r + j] = -q.data[i * r + j];
                }
            }
        }
        return new Matrix(d, r, q.data);
    }
}
