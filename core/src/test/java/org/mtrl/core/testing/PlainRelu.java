package org.mtrl.core.testing;

/**
 * The two-layer ReLU network with the logistic loss written as plain loops, for tests of the training
 * updates: f(x) = sum_j a_j relu(&lt;w_j, x&gt; + b_j), l(y, f) = log(1 + exp(-y f)). Parameters are flat
 * arrays: W row-major m x d, b of length m, a head at an offset into the T x m heads.
 */
public final class PlainRelu {
    private PlainRelu() {
    }

    /** f(x) for the head at {@code heads[headOffset, headOffset + m)}. */
    public static double output(double[] w, double[] b, double[] heads, int headOffset, double[] x, int xOffset) {
        int m = b.length;
        int d = w.length / m;
        double f = 0;
        for (int j = 0; j < m; j++) {
            f += heads[headOffset + j] * relu(preActivation(w, b, j, d, x, xOffset));
        }
        return f;
    }

    /** l'(y, f) = -y / (1 + exp(y f)) of the logistic loss. */
    public static double lossDerivative(double y, double f) {
        return -y / (1 + Math.exp(y * f));
    }

    public static double loss(double y, double f) {
        return Math.log1p(Math.exp(-y * f));
    }

    /**
     * Adds {@code scale} times the gradient of l(y, f(x)) with respect to the head, W and b into
     * {@code head} (length m), {@code firstLayer} (m x d) and {@code bias} (length m); a null target is
     * skipped.
     */
    public static void addGradient(double[] w, double[] b, double[] heads, int headOffset, double[] x, int xOffset,
                                   double y, double scale, double[] head, double[] firstLayer, double[] bias) {
        int m = b.length;
        int d = w.length / m;
        double g = scale * lossDerivative(y, output(w, b, heads, headOffset, x, xOffset));
        for (int j = 0; j < m; j++) {
            double z = preActivation(w, b, j, d, x, xOffset);
            if (head != null) {
                head[j] += g * relu(z);
            }
            double back = z > 0 ? g * heads[headOffset + j] : 0;
            if (bias != null) {
                bias[j] += back;
            }
            if (firstLayer != null) {
                for (int i = 0; i < d; i++) {
                    firstLayer[j * d + i] += back * x[xOffset + i];
                }
            }
        }
    }

    private static double preActivation(double[] w, double[] b, int j, int d, double[] x, int xOffset) {
        double z = b[j];
        for (int i = 0; i < d; i++) {
            z += w[j * d + i] * x[xOffset + i];
        }
        return z;
    }

    private static double relu(double z) {
        return Math.max(z, 0);
    }
}
