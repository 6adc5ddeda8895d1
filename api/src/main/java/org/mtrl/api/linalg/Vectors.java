package org.mtrl.api.linalg;

/** Vector kernels on slices of flat arrays, shared by the plugins' hot loops. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * The dot product of {@code a[ao, ao + n)} and {@code b[bo, bo + n)}. Four partial sums break the
     * dependency chain of one running sum (the JIT does not reorder floating-point additions); the
     * summation order is fixed, so results are reproducible bit for bit.
     */
    public static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yo, yo + n) += alpha * x[xo, xo + n)}. */
    public static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }
}
