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

    @Test
    void rejectsANonPositivePenalty() {
        assertThrows(IllegalArgumentException.class, () -> new RidgeLogisticRegression(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RidgeLogisticRegression(1e-3, 0));
    }
}
