package org.mtrl.core.sweep;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mean, sample standard deviation and a 95% interval of the mean of one metric over seeds.
 *
 * <p>The interval is the percentile bootstrap: the 2.5% and 97.5% quantiles of the means of
 * {@value #RESAMPLES} resamples (with replacement) of the seeds' values. A resample's mean lies
 * between the smallest and largest value, so the interval never leaves the metric's range (a sine
 * or an accuracy stays in [0, 1]) whatever the metric, where Student's t gave {@code 0.82 ± 2.3}
 * with 2 seeds. With few seeds it is narrower than a 95% interval should be (with 2 it is the
 * two values): it then shows the seeds' spread, not a 95% statement. The resampling stream is
 * fixed, so the same values always give the same interval.
 *
 * @param sd   NaN for a single value
 * @param low  lower end of the interval; NaN for a single value
 * @param high upper end of the interval; NaN for a single value
 */
public record SeedStats(int n, double mean, double sd, double low, double high) {
    static final int RESAMPLES = 4000;
    private static final long RESAMPLING_SEED = 0x5EED5L;

    public static SeedStats of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new SeedStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(values);
        if (n == 1) {
            return new SeedStats(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double[] means = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(RESAMPLING_SEED);
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        // clamped against rounding in the resampled sums (the mean of equal values may differ in the last bit)
        double low = Math.max(min, means[(int) Math.floor(0.025 * (RESAMPLES - 1))]);
        double high = Math.min(max, means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
        return new SeedStats(n, mean, sd, Math.min(low, mean), Math.max(high, mean));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The lower end of the interval, or the mean when it is unknown. */
    public double bandLow() {
        return Double.isNaN(low) ? mean : low;
    }

    /** The upper end of the interval, or the mean when it is unknown. */
    public double bandHigh() {
        return Double.isNaN(high) ? mean : high;
    }
}
