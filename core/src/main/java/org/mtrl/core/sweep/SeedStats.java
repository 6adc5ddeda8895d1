package org.mtrl.core.sweep;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation and the half-width of the 95% confidence interval of the mean
 * (Student's t with n - 1 degrees of freedom) of one metric over seeds.
 *
 * @param sd   NaN for a single value
 * @param ci95 half-width of the interval; NaN for a single value
 */
public record SeedStats(int n, double mean, double sd, double ci95) {

    public static SeedStats of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new SeedStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new SeedStats(1, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new SeedStats(n, mean, sd, t * sd / Math.sqrt(n));
    }

    /** The lower end of the interval, or the mean when it is unknown. */
    public double low() {
        return Double.isNaN(ci95) ? mean : mean - ci95;
    }

    /** The upper end of the interval, or the mean when it is unknown. */
    public double high() {
        return Double.isNaN(ci95) ? mean : mean + ci95;
    }
}
