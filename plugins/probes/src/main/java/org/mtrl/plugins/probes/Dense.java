package org.mtrl.plugins.probes;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;

/** Small dense helpers on flat row-major arrays shared by the probes. */
final class Dense {
    private Dense() {
    }

    /** The product a b of an n x k and a k x p matrix, as a new n x p matrix. */
    static Matrix multiply(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("cannot multiply " + a + " by " + b);
        }
        int n = a.rows();
        int k = a.cols();
        int p = b.cols();
        double[] x = a.data();
        double[] y = b.data();
        double[] out = new double[n * p];
        for (int i = 0; i < n; i++) {
            int o = i * p;
            for (int l = 0; l < k; l++) {
                double xil = x[i * k + l];
                if (xil == 0) {
                    continue;
                }
                int yo = l * p;
                for (int j = 0; j < p; j++) {
                    out[o + j] += xil * y[yo + j];
                }
            }
        }
        return new Matrix(n, p, out);
    }

    /** Rejects a model whose input dimension is not the ground truth's ambient dimension. */
    static void requireSameDimension(Model model, Subspace groundTruth) {
        if (model.inputDim() != groundTruth.dim()) {
            throw new IllegalArgumentException("the model's input dimension d=" + model.inputDim()
                    + " differs from the ground truth's d=" + groundTruth.dim());
        }
    }
}
