package org.mtrl.plugins.probes;

import org.mtrl.core.linalg.Vectors;
import org.mtrl.api.linalg.Matrix;

/** The frozen feature map phi(x) = relu(W x + b) of a downstream evaluation, on its own copies of W and b. */
final class ReluFeatures {
    private final double[] w;
    private final double[] b;
    private final int width;
    private final int dim;

    /** Uses {@code w} (m x d) and {@code b} (length m) as given; the caller hands over copies. */
    ReluFeatures(Matrix w, double[] b) {
        if (b.length != w.rows()) {
            throw new IllegalArgumentException("bias length " + b.length + " differs from the width " + w.rows());
        }
        this.w = w.data();
        this.b = b;
        this.width = w.rows();
        this.dim = w.cols();
    }

    int width() {
        return width;
    }

    /** Writes phi of the n row-major inputs {@code x} (n x d) to {@code out} (n x m) from {@code outOffset}. */
    void apply(double[] x, int n, double[] out, int outOffset) {
        for (int s = 0; s < n; s++) {
            int xo = s * dim;
            int o = outOffset + s * width;
            for (int j = 0; j < width; j++) {
                double pre = b[j] + Vectors.dot(w, j * dim, x, xo, dim);
                out[o + j] = pre > 0 ? pre : 0;
            }
        }
    }

    /**
     * A copy of {@code w} with every row rescaled to unit Euclidean norm; a zero row stays zero
     * (it has no direction to keep).
     */
    static Matrix unitRows(Matrix w) {
        Matrix copy = w.copy();
        double[] x = copy.data();
        int d = copy.cols();
        for (int i = 0; i < copy.rows(); i++) {
            double norm = Math.sqrt(Vectors.dot(x, i * d, x, i * d, d));
            if (norm > 0) {
                for (int a = 0; a < d; a++) {
                    x[i * d + a] /= norm; // division, not a reciprocal: 1 / norm overflows for subnormal norms
                }
            }
        }
        return copy;
    }
}
