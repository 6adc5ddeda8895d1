package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.mtrl.api.runtime.RandomStream;

class RidgeLogisticRegressionTest {

    @Test
    void softplusAndSigmoidStayFiniteFarFromZero() {
        assertEquals(1000, RidgeLogisticRegression.softplus(1000));
        assertEquals(0, RidgeLogisticRegression.softplus(-1000));
        assertEquals(Math.log(2), RidgeLogisticRegression.softplus(0), 1e-15);
        assertEquals(1, RidgeLogisticRegression.sigmoid(1000));
        assertEquals(0, RidgeLogisticRegression.sigmoid(-1000));
        assertEquals(0.5, RidgeLogisticRegression.sigmoid(0));
    }

    /** grad J computed from its definition, independently of the solver. */
    private static double gradientNorm(RidgeLogisticRegression.Fit fit, double[] x, double[] y, int n, int p,
                                       double l2) {
        double[] g = new double[p + 1];
        for (int i = 0; i < n; i++) {
            double f = fit.predict(x, i * p);
            double dl = -y[i] / (1 + Math.exp(y[i] * f)) / n;
            for (int j = 0; j < p; j++) {
                g[j] += dl * x[i * p + j];
            }
            g[p] += dl;
        }
        double norm2 = 0;
        for (int j = 0; j <= p; j++) {
            double gj = g[j] + l2 * (j < p ? fit.weights()[j] : fit.intercept());
            norm2 += gj * gj;
        }
        return Math.sqrt(norm2);
    }

    /** The root of an increasing function on [lo, hi] by bisection. */
    private static double root(DoubleUnaryOperator f, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (f.applyAsDouble(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void reachesAZeroGradientOnNoisyRandomData() {
        RandomStream rng = Fixtures.stream(41);
        int n = 400;
        int p = 8;
        double[] x = new double[n * p];
        rng.nextGaussians(x, 0, n * p);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double score = 0.3 + x[i * p] - 2 * x[i * p + 1] + rng.nextGaussian();
            y[i] = score >= 0 ? 1 : -1;
        }
        double l2 = 1e-3;
        RidgeLogisticRegression.Fit fit = new RidgeLogisticRegression(l2, 50).fit(x, y, n, p);
        assertTrue(fit.gradientNorm() < RidgeLogisticRegression.GRADIENT_TOLERANCE, "solver's own gradient");
        assertTrue(gradientNorm(fit, x, y, n, p, l2) < 1e-6, "gradient from the definition");
        assertTrue(fit.iterations() >= 3 && fit.iterations() < 20, "Newton converges fast: " + fit.iterations());
        assertTrue(fit.weights()[0] > 0.5 && fit.weights()[1] < -1, "recovers the signs of the rule");
    }

    /**
     * With fewer points than parameters the step goes through the n x n Woodbury system. Repeating
     * every point three times leaves J unchanged but makes n exceed p + 1, so the (p+1) x (p+1)
     * Hessian path must find the same minimiser.
     */
    @Test
    void fewerPointsThanFeaturesGiveTheSameMinimiserAsTheFullHessian() {
        RandomStream rng = Fixtures.stream(44);
        int n = 30;
        int p = 60;
        double[] x = new double[n * p];
        rng.nextGaussians(x, 0, n * p);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, x[i]);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i * p] - x[i * p + 1] + 0.5 * rng.nextGaussian() >= 0 ? 1 : -1;
        }
        double l2 = 1e-3;
        RidgeLogisticRegression solver = new RidgeLogisticRegression(l2, 50);
        RidgeLogisticRegression.Fit dual = solver.fit(x, y, n, p);
        assertTrue(gradientNorm(dual, x, y, n, p, l2) < 1e-6);

        double[] x3 = new double[3 * n * p];
        double[] y3 = new double[3 * n];
        for (int copy = 0; copy < 3; copy++) {
            System.arraycopy(x, 0, x3, copy * n * p, n * p);
            System.arraycopy(y, 0, y3, copy * n, n);
        }
        RidgeLogisticRegression.Fit primal = solver.fit(x3, y3, 3 * n, p);
        assertTrue(gradientNorm(primal, x3, y3, 3 * n, p, l2) < 1e-6);
        assertArrayEquals(primal.weights(), dual.weights(), 1e-7);
        assertEquals(primal.intercept(), dual.intercept(), 1e-7);
    }

    @Test
    void anInterceptOnlyModelFitsTheLogOdds() {
        int n = 100;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < 75 ? 1 : -1;
        }
        RidgeLogisticRegression.Fit fit = new RidgeLogisticRegression(1e-10, 50).fit(new double[0], y, n, 0);
        assertEquals(Math.log(3), fit.intercept(), 1e-8, "log(75 / 25)");

        double l2 = 0.5;
        RidgeLogisticRegression.Fit shrunk = new RidgeLogisticRegression(l2, 50).fit(new double[0], y, n, 0);
        double expected = root(c -> -0.75 * RidgeLogisticRegression.sigmoid(-c)
                + 0.25 * RidgeLogisticRegression.sigmoid(c) + l2 * c, -10, 10);
        assertEquals(expected, shrunk.intercept(), 1e-12);
        assertTrue(shrunk.intercept() < Math.log(3));
    }

    @Test
    void aSymmetricOneFeatureProblemMatchesItsScalarEquation() {
        double[] x = {1, -1};
        double[] y = {1, -1};
        double l2 = 0.1;
        RidgeLogisticRegression.Fit fit = new RidgeLogisticRegression(l2, 50).fit(x, y, 2, 1);
        // By symmetry c = 0 and w solves -sigmoid(-w) + l2 w = 0.
        double expected = root(w -> -RidgeLogisticRegression.sigmoid(-w) + l2 * w, 0, 100);
        assertEquals(0, fit.intercept(), 1e-12);
        assertEquals(expected, fit.weights()[0], 1e-10);
    }

    @Test
    void equalLabelsAndSeparableDataStayFinite() {
        RandomStream rng = Fixtures.stream(42);
        int n = 50;
        int p = 5;
        double[] x = new double[n * p];
        rng.nextGaussians(x, 0, n * p);
        double[] allPositive = new double[n];
        Arrays.fill(allPositive, 1);
        double l2 = 1e-3;
        RidgeLogisticRegression.Fit fit = new RidgeLogisticRegression(l2, 50).fit(x, allPositive, n, p);
        assertTrue(Double.isFinite(fit.intercept()) && fit.intercept() > 0);
        assertTrue(gradientNorm(fit, x, allPositive, n, p, l2) < 1e-6);

        double[] separable = new double[n];
        for (int i = 0; i < n; i++) {
            separable[i] = x[i * p] >= 0 ? 1 : -1;
        }
        double tiny = 1e-6;
        RidgeLogisticRegression.Fit sep = new RidgeLogisticRegression(tiny, 100).fit(x, separable, n, p);
        assertTrue(gradientNorm(sep, x, separable, n, p, tiny) < 1e-6);
        for (int i = 0; i < n; i++) {
            assertTrue(separable[i] * sep.predict(x, i * p) > 0, "separable data are fitted exactly");
        }
        for (double w : sep.weights()) {
            assertTrue(Double.isFinite(w));
        }
    }

    @Test
    void stopsAfterMaxIterations() {
        RandomStream rng = Fixtures.stream(43);
        double[] x = new double[40];
        rng.nextGaussians(x, 0, 40);
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = x[2 * i] + 0.5 * x[2 * i + 1] >= 0 ? 1 : -1;
        }
        RidgeLogisticRegression.Fit one = new RidgeLogisticRegression(1e-4, 1).fit(x, y, 20, 2);
        assertEquals(1, one.iterations());
        assertTrue(one.gradientNorm() > RidgeLogisticRegression.GRADIENT_TOLERANCE);
    }

    /** J(theta) = (1/n) sum_i log(1 + exp(-y_i f_i)) + (l2/2) ||theta||^2 summed by hand, f_i = <w, x_i> + c. */
    private static double plainObjective(double[] x, double[] y, int n, int p, double[] theta, double l2) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double f = theta[p];
            for (int j = 0; j < p; j++) {
                f += theta[j] * x[i * p + j];
            }
            loss += Math.log(1 + Math.exp(-y[i] * f));
        }
        double norm2 = 0;
        for (double v : theta) {
            norm2 += v * v;
        }
        return loss / n + l2 / 2 * norm2;
    }

    private static double[] margins(double[] x, int n, int p, double[] theta) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = theta[p];
            for (int j = 0; j < p; j++) {
                f[i] += theta[j] * x[i * p + j];
            }
        }
        return f;
    }

    /**
     * The objective the line search compares is J summed by hand, at theta and at theta + t delta, and the
     * gradient the Newton steps use is J's: central differences of the hand-summed J, and its norm.
     */
    @Test
    void theObjectiveAndGradientTheFitUsesAreJAndItsGradient() {
        RandomStream rng = Fixtures.stream(45);
        int n = 7;
        int p = 3;
        double l2 = 0.3; // large, so that a wrong penalty shows next to the loss
        double[] x = new double[n * p];
        rng.nextGaussians(x, 0, n * p);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? -1 : 1;
        }
        double[] theta = new double[p + 1];
        double[] delta = new double[p + 1];
        rng.nextGaussians(theta, 0, p + 1);
        rng.nextGaussians(delta, 0, p + 1);
        for (int j = 0; j <= p; j++) {
            theta[j] *= 2; // margins of several units, both signs
        }
        double t = 0.375;
        double[] moved = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            moved[j] = theta[j] + t * delta[j];
        }
        double[] f = margins(x, n, p, theta);
        double[] step = margins(x, n, p, delta);
        RidgeLogisticRegression solver = new RidgeLogisticRegression(l2, 50);
        assertEquals(plainObjective(x, y, n, p, theta, l2), solver.objective(f, 0, step, y, theta, null), 1e-14);
        assertEquals(plainObjective(x, y, n, p, moved, l2), solver.objective(f, t, step, y, theta, delta), 1e-14);

        double[] g = new double[p + 1];
        double norm = solver.gradient(x, y, n, p, f, theta, g);
        double norm2 = 0;
        for (int j = 0; j <= p; j++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double difference = (plainObjective(x, y, n, p, up, l2) - plainObjective(x, y, n, p, down, l2)) / (2 * h);
            assertEquals(difference, g[j], 1e-9, "dJ/dtheta_" + j);
            norm2 += g[j] * g[j];
        }
        assertEquals(Math.sqrt(norm2), norm, 1e-15);
    }

    /**
     * Six points of two features where Newton's sixth full step overshoots: the iterates after k steps
     * must be those of the documented method done by hand (Newton direction, step halved until
     * J(theta + t delta) <= J(theta) + 1e-4 t &lt;grad J, delta&gt;). The two penalties sit at the edge
     * where the sixth step changes from 1/2 to 1/4: at the first the half step decreases J by 2.4e-4 of
     * its first-order prediction (enough, so t = 1/2), at the second by 2.7e-5 (not enough, so t = 1/4).
     */
    @Test
    void backtrackingHalvesTheNewtonStepUntilTheArmijoConditionHolds() {
        double[] x = {2, -2, -3, 1, 1, -1, 3, -3, -1, -3, -2, -4};
        double[] y = {1, 1, 1, 1, 1, -1};
        double[][] cases = {{3.3982e-6, 0.5, 1e-4, 4e-4}, {3.3984e-6, 0.25, -1e-4, 1e-4}};
        for (double[] c : cases) {
            double l2 = c[0];
            PlainNewton plain = new PlainNewton(x, y, 6, 2, l2);
            for (int k = 1; k <= 8; k++) {
                plain.step();
                RidgeLogisticRegression.Fit fit = new RidgeLogisticRegression(l2, k).fit(x, y, 6, 2);
                assertEquals(k, fit.iterations());
                assertArrayEquals(Arrays.copyOf(plain.theta, 2), fit.weights(), 1e-9, "l2=" + l2 + ", step " + k);
                assertEquals(plain.theta[2], fit.intercept(), 1e-9, "l2=" + l2 + ", step " + k);
                if (k == 6) {
                    assertEquals(c[1], plain.t, "l2=" + l2 + ": the sixth step's size");
                    assertTrue(plain.halfStepRatio >= c[2] && plain.halfStepRatio < c[3],
                            "l2=" + l2 + ": the half step's decrease over its prediction " + plain.halfStepRatio);
                }
            }
        }
    }

    /** Newton's method with Armijo backtracking from theta = 0, by plain loops (Gaussian elimination). */
    private static final class PlainNewton {
        final double[] x;
        final double[] y;
        final int n;
        final int p;
        final double l2;
        final double[] theta;
        double t;
        /** (J(theta) - J(theta + delta / 2)) / -(&lt;grad J, delta&gt; / 2) of the last step. */
        double halfStepRatio;

        PlainNewton(double[] x, double[] y, int n, int p, double l2) {
            this.x = x;
            this.y = y;
            this.n = n;
            this.p = p;
            this.l2 = l2;
            this.theta = new double[p + 1];
        }

        void step() {
            int q = p + 1;
            double[] f = margins(x, n, p, theta);
            double[] g = new double[q];
            double[][] h = new double[q][q + 1]; // the Hessian with -g as its last column
            for (int i = 0; i < n; i++) {
                double[] z = new double[q];
                System.arraycopy(x, i * p, z, 0, p);
                z[p] = 1;
                double s = 1 / (1 + Math.exp(-f[i]));
                double loss = -y[i] / (1 + Math.exp(y[i] * f[i])) / n;
                for (int a = 0; a < q; a++) {
                    g[a] += loss * z[a];
                    for (int b = 0; b < q; b++) {
                        h[a][b] += s * (1 - s) / n * z[a] * z[b];
                    }
                }
            }
            for (int a = 0; a < q; a++) {
                g[a] += l2 * theta[a];
                h[a][a] += l2;
                h[a][q] = -g[a];
            }
            double[] delta = eliminate(h);
            double slope = 0;
            for (int a = 0; a < q; a++) {
                slope += g[a] * delta[a];
            }
            double before = plainObjective(x, y, n, p, theta, l2);
            halfStepRatio = (before - objectiveAlong(delta, 0.5)) / (-0.5 * slope);
            t = 1;
            while (objectiveAlong(delta, t) > before + 1e-4 * t * slope) {
                t /= 2;
            }
            for (int a = 0; a < q; a++) {
                theta[a] += t * delta[a];
            }
        }

        private double objectiveAlong(double[] delta, double step) {
            double[] moved = theta.clone();
            for (int a = 0; a < moved.length; a++) {
                moved[a] += step * delta[a];
            }
            return plainObjective(x, y, n, p, moved, l2);
        }

        /** Solves the q x q system of the augmented matrix [A | b] (A symmetric positive definite). */
        private static double[] eliminate(double[][] ab) {
            int q = ab.length;
            for (int k = 0; k < q; k++) {
                for (int i = k + 1; i < q; i++) {
                    double factor = ab[i][k] / ab[k][k];
                    for (int j = k; j <= q; j++) {
                        ab[i][j] -= factor * ab[k][j];
                    }
                }
            }
            double[] z = new double[q];
            for (int i = q - 1; i >= 0; i--) {
                double sum = ab[i][q];
                for (int j = i + 1; j < q; j++) {
                    sum -= ab[i][j] * z[j];
                }
                z[i] = sum / ab[i][i];
            }
            return z;
        }
    }

    @Test
    void rejectsNonFiniteFeaturesNamingTheFirst() {
        RidgeLogisticRegression ridge = new RidgeLogisticRegression(1e-3, 10);
        double[] y = {1, -1, 1};
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int at : new int[] {0, 4, 5}) { // 3 points of 2 features: the first, a middle, the last value
                double[] x = {0.5, -1, 2, 0.25, -0.75, 1};
                x[at] = bad;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ridge.fit(x, y, 3, 2));
                assertEquals("feature " + at % 2 + " of point " + at / 2 + " is " + bad + ": the model's features must "
                        + "be finite for a logistic fit on them to mean anything", e.getMessage());
            }
        }
    }

    @Test
    void rejectsANonPositivePenalty() {
        assertThrows(IllegalArgumentException.class, () -> new RidgeLogisticRegression(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RidgeLogisticRegression(1e-3, 0));
    }
}
