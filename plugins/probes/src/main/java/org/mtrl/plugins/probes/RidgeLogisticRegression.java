package org.mtrl.plugins.probes;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.mtrl.api.linalg.Vectors;

/**
 * L2-regularised logistic regression with an intercept, fitted by Newton's method.
 *
 * <p>With f_i = &lt;w, x_i&gt; + c and theta = (w, c) it minimises
 * J(theta) = (1/n) sum_i log(1 + exp(-y_i f_i)) + (l2/2) ||theta||^2. The intercept is penalised
 * too, so J is strictly convex and has a unique finite minimiser even on separable data or when
 * every label is equal. Each step solves H delta = -g with the (p+1) x (p+1) Hessian
 * H = l2 I + B^T B, where row i of B is sqrt(s_i (1 - s_i) / n) [x_i; 1] and s_i = sigmoid(f_i),
 * by Cholesky, then halves the step until the Armijo condition holds. When n &lt; p + 1 the same
 * step is computed through the n x n matrix l2 I + B B^T instead (Woodbury:
 * H^{-1} g = (g - B^T (l2 I + B B^T)^{-1} B g) / l2), which is cheaper and exact in exact
 * arithmetic. It stops when ||g|| &lt; {@link #GRADIENT_TOLERANCE}, after {@code maxIterations}
 * steps, or when no step size decreases J any more (the minimum is reached to rounding).
 */
final class RidgeLogisticRegression {
    /** Stop once the Euclidean norm of the gradient of J falls below this. */
    static final double GRADIENT_TOLERANCE = 1e-8;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;

    private final double l2;
    private final int maxIterations;

    RidgeLogisticRegression(double l2, int maxIterations) {
        if (!(l2 > 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be positive and finite, got " + l2);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.l2 = l2;
        this.maxIterations = maxIterations;
    }

    /**
     * The fitted linear classifier.
     *
     * @param weights      w, length p
     * @param intercept    c
     * @param iterations   Newton steps taken
     * @param gradientNorm ||grad J|| at the returned solution
     */
    record Fit(double[] weights, double intercept, int iterations, double gradientNorm) {

        /** &lt;w, x[offset, offset + p)&gt; + c. */
        double predict(double[] x, int offset) {
            return intercept + Vectors.dot(weights, 0, x, offset, weights.length);
        }
    }

    /**
     * Fits n points of p features.
     *
     * @param x row-major n x p features, all finite (else {@link IllegalArgumentException})
     * @param y labels in {-1, +1}, length at least n
     */
    Fit fit(double[] x, double[] y, int n, int p) {
        if (n < 1 || p < 0 || x.length < (long) n * p || y.length < n) {
            throw new IllegalArgumentException("need n >= 1 rows of p >= 0 features, got n=" + n + ", p=" + p
                    + " with " + x.length + " values and " + y.length + " labels");
        }
        for (int i = 0; i < n * p; i++) {
            // Newton's method on a NaN would return a zero head (every margin a tie: chance accuracy)
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("feature " + i % p + " of point " + i / p + " is " + x[i]
                        + ": the model's features must be finite for a logistic fit on them to mean anything");
            }
        }
        int q = p + 1;
        double[] gram = n < q ? augmentedGram(x, n, p) : null;
        double[] theta = new double[q];
        double[] f = new double[n];
        double[] gradient = new double[q];
        double[] curvature = new double[n];
        double[] step = new double[n];
        double objective = objective(f, 0, step, y, theta, null);
        int iteration = 0;
        while (true) {
            double gradientNorm = gradient(x, y, n, p, f, theta, gradient);
            if (gradientNorm < GRADIENT_TOLERANCE || iteration == maxIterations) {
                return result(theta, p, iteration, gradientNorm);
            }
            for (int i = 0; i < n; i++) {
                curvature[i] = sigmoid(f[i]) * sigmoid(-f[i]) / n;
            }
            double[] delta = gram == null
                    ? primalStep(x, n, p, curvature, gradient)
                    : dualStep(x, n, p, gram, curvature, gradient);
            for (int i = 0; i < n; i++) {
                step[i] = delta[p] + Vectors.dot(x, i * p, delta, 0, p);
            }
            double slope = Vectors.dot(gradient, 0, delta, 0, q);
            double t = 1;
            double candidate = Double.NaN;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS && !accepted; h++) {
                candidate = objective(f, t, step, y, theta, delta);
                if (candidate <= objective + ARMIJO * t * slope) {
                    accepted = true;
                } else {
                    t *= 0.5;
                }
            }
            if (!accepted) {
                return result(theta, p, iteration, gradientNorm);
            }
            for (int i = 0; i < n; i++) {
                f[i] += t * step[i];
            }
            for (int j = 0; j < q; j++) {
                theta[j] += t * delta[j];
            }
            objective = candidate;
            iteration++;
        }
    }

    private static Fit result(double[] theta, int p, int iterations, double gradientNorm) {
        return new Fit(Arrays.copyOf(theta, p), theta[p], iterations, gradientNorm);
    }

    /**
     * J at theta + t delta, whose margins are f + t step (delta null: J at theta, margins f). Package-private
     * so that tests compare it with J summed by hand.
     */
    double objective(double[] f, double t, double[] step, double[] y, double[] theta, double[] delta) {
        int n = f.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += softplus(-y[i] * (f[i] + t * step[i]));
        }
        double norm2 = 0;
        for (int j = 0; j < theta.length; j++) {
            double v = delta == null ? theta[j] : theta[j] + t * delta[j];
            norm2 += v * v;
        }
        return loss / n + 0.5 * l2 * norm2;
    }

    /**
     * Writes grad J at theta (with margins f) to {@code g}; returns its norm. Package-private so that tests
     * compare it with finite differences of J.
     */
    double gradient(double[] x, double[] y, int n, int p, double[] f, double[] theta, double[] g) {
        Arrays.fill(g, 0);
        for (int i = 0; i < n; i++) {
            double coefficient = -y[i] * sigmoid(-y[i] * f[i]) / n; // d/df of the mean loss
            int o = i * p;
            for (int j = 0; j < p; j++) {
                g[j] += coefficient * x[o + j];
            }
            g[p] += coefficient;
        }
        double norm2 = 0;
        for (int j = 0; j < g.length; j++) {
            g[j] += l2 * theta[j];
            norm2 += g[j] * g[j];
        }
        return Math.sqrt(norm2);
    }

    /** -H^{-1} g with H = l2 I + sum_i curvature_i [x_i; 1][x_i; 1]^T built on its upper triangle. */
    private double[] primalStep(double[] x, int n, int p, double[] curvature, double[] g) {
        int q = p + 1;
        double[][] h = new double[q][q];
        for (int i = 0; i < n; i++) {
            int o = i * p;
            for (int a = 0; a < p; a++) {
                double va = curvature[i] * x[o + a];
                if (va == 0) {
                    continue; // ReLU features are often exactly zero
                }
                double[] row = h[a];
                for (int b = a; b < p; b++) {
                    row[b] += va * x[o + b];
                }
                row[p] += va;
            }
            h[p][p] += curvature[i];
        }
        for (int a = 0; a < q; a++) {
            h[a][a] += l2;
            for (int b = a + 1; b < q; b++) {
                h[b][a] = h[a][b];
            }
        }
        double[] delta = solve(h, g);
        for (int j = 0; j < q; j++) {
            delta[j] = -delta[j];
        }
        return delta;
    }

    /**
     * -H^{-1} g by Woodbury, for n &lt; p + 1: with B = diag(sqrt(curvature)) [X, 1],
     * H^{-1} g = (g - B^T (l2 I + B B^T)^{-1} B g) / l2, where B B^T comes from the fixed
     * {@code gram} = [X, 1][X, 1]^T.
     */
    private double[] dualStep(double[] x, int n, int p, double[] gram, double[] curvature, double[] g) {
        double[] root = new double[n];
        double[] bg = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = Math.sqrt(curvature[i]);
            bg[i] = root[i] * (g[p] + Vectors.dot(x, i * p, g, 0, p));
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = root[i] * root[j] * gram[i * n + j];
            }
            k[i][i] += l2;
        }
        double[] u = solve(k, bg);
        double[] delta = new double[p + 1];
        for (int i = 0; i < n; i++) {
            double coefficient = root[i] * u[i];
            int o = i * p;
            for (int j = 0; j < p; j++) {
                delta[j] += coefficient * x[o + j];
            }
            delta[p] += coefficient;
        }
        for (int j = 0; j <= p; j++) {
            delta[j] = -(g[j] - delta[j]) / l2;
        }
        return delta;
    }

    /** [X, 1][X, 1]^T, n x n: the part of B B^T that does not change between steps. */
    private static double[] augmentedGram(double[] x, int n, int p) {
        double[] gram = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = 1 + Vectors.dot(x, i * p, x, j * p, p);
                gram[i * n + j] = v;
                gram[j * n + i] = v;
            }
        }
        return gram;
    }

    /** Solves the symmetric positive definite system a z = b (l2 I plus a positive semi-definite matrix). */
    private double[] solve(double[][] a, double[] b) {
        CholeskyDecomposition cholesky;
        try {
            cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalStateException("the logistic-regression system lost positive definiteness to rounding;"
                    + " l2=" + l2 + " is too small for these features", e);
        }
        return cholesky.getSolver().solve(new ArrayRealVector(b, false)).toArray();
    }

    /** log(1 + exp(u)) without overflow. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    /** 1 / (1 + exp(-u)) without overflow. */
    static double sigmoid(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double e = Math.exp(u);
        return e / (1 + e);
    }
}
