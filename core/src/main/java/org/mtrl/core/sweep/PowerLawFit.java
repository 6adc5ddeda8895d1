package org.mtrl.core.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A power law {@code y = prefactor * x^exponent} fitted by least squares on {@code log y} against
 * {@code log x}, with a 95% interval for the exponent by a percentile bootstrap over seeds (whole
 * seeds are resampled, so the points of one seed, which share its tasks and draws, stay together) from
 * a fixed resampling seed: the same points give the same interval.
 *
 * @param exponent  the fitted exponent, NaN if fewer than two distinct x
 * @param low       the interval's lower end, NaN if it cannot be resampled (a single seed)
 * @param high      its upper end
 * @param prefactor {@code exp(intercept)}
 * @param points    the points used
 */
public record PowerLawFit(double exponent, double low, double high, double prefactor, int points) {
    static final int RESAMPLES = 2000;
    private static final long RESAMPLING_SEED = 0xF17L;

    /** One measured point: its seed, x and y (both positive). */
    public record Point(long seed, double x, double y) {
    }

    public static PowerLawFit of(List<Point> points) {
        double[] line = line(points);
        Map<Long, List<Point>> bySeed = new LinkedHashMap<>();
        points.forEach(p -> bySeed.computeIfAbsent(p.seed(), s -> new ArrayList<>()).add(p));
        double low = Double.NaN;
        double high = Double.NaN;
        if (bySeed.size() > 1 && !Double.isNaN(line[0])) {
            List<List<Point>> seeds = new ArrayList<>(bySeed.values());
            SplittableRandom random = new SplittableRandom(RESAMPLING_SEED);
            double[] slopes = new double[RESAMPLES];
            int n = 0;
            for (int b = 0; b < RESAMPLES; b++) {
                List<Point> sample = new ArrayList<>();
                for (int i = 0; i < seeds.size(); i++) {
                    sample.addAll(seeds.get(random.nextInt(seeds.size())));
                }
                double slope = line(sample)[0];
                if (!Double.isNaN(slope)) {
                    slopes[n++] = slope;
                }
            }
            double[] sorted = Arrays.copyOf(slopes, n);
            Arrays.sort(sorted);
            low = sorted[(int) Math.floor(0.025 * (n - 1))];
            high = sorted[(int) Math.ceil(0.975 * (n - 1))];
        }
        return new PowerLawFit(line[0], low, high, Math.exp(line[1]), points.size());
    }

    /** Slope and intercept of the least-squares line through (log x, log y); NaN without two distinct x. */
    private static double[] line(List<Point> points) {
        int n = points.size();
        double mx = 0;
        double my = 0;
        for (Point p : points) {
            mx += Math.log(p.x()) / n;
            my += Math.log(p.y()) / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            double dx = Math.log(p.x()) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(p.y()) - my);
        }
        if (n < 2 || sxx < 1e-12) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }
}
