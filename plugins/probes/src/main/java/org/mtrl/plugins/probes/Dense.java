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

    /**
     * The dot product of {@code a[ao, ao + len)} and {@code b[bo, bo + len)}. Four partial sums break
     * the dependency chain of one running sum (the JIT does not reorder floating-point additions), which
     * makes this the hot loop's fastest form; the summation order is fixed, so results are reproducible.
     */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < len; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Rejects a model whose input dimension is not the ground truth's ambient dimension. */
    static void requireSameDimension(Model model, Subspace groundTruth) {
        if (model.inputDim() != groundTruth.dim()) {
            throw new IllegalArgumentException("the model's input dimension d=" + model.inputDim()
                    + " differs from the ground truth's d=" + groundTruth.dim());
        }
    }
}
