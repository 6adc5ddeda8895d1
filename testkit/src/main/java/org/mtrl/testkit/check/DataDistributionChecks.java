package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.testkit.KitStreams;

/**
 * The contract of a {@link DataDistribution}: a ground truth of {@code dim()} rows, finite inputs, and
 * inputs that are a function of the stream they are drawn from. A distribution that declares itself
 * {@link DataDistribution#standardGaussian() standard Gaussian} is never sampled under projected
 * sampling (mtrl draws N(0, I) itself), so its samples are tested against N(0, I_d): a false
 * declaration would otherwise train on other data than {@code sample()} gives, without a word.
 */
public final class DataDistributionChecks {
    private static final int POINTS = 64;
    /**
     * Values the contract's Gaussian test draws: about 4e6 (30 to 60 ms), in 100 to 20000 points (at
     * least 100, more values at d over 40000: with fewer points the squared norms' variance, a mean of a
     * few chi-squares, would exceed its bound by chance more often than 1e-6).
     */
    private static final long GAUSSIAN_VALUES = 4_000_000;
    /**
     * Each statistic of the Gaussian test may be this many of its standard deviations off: 3.8e-8 two-sided
     * per statistic, below 1e-5 for the about 150 statistics together, so a true N(0, I) fails it almost
     * never, while a wrong scale, mean, tail or dependence shows by tens of deviations.
     */
    private static final double DEVIATIONS = 5.5;
    /** Coordinates whose covariance matrix is tested entry by entry. */
    private static final int COVARIANCE_COORDINATES = 16;

    private final Supplier<DataDistribution> distribution;
    private final long gaussianValues;

    /** @param distribution creates the distribution under test (called once per check) */
    public DataDistributionChecks(Supplier<DataDistribution> distribution) {
        this(distribution, GAUSSIAN_VALUES);
    }

    /**
     * @param distribution   creates the distribution under test (called once per check)
     * @param gaussianValues about how many values the Gaussian test draws (a run that tests a distribution's
     *                       claim before it starts draws fewer than the contract)
     */
    public DataDistributionChecks(Supplier<DataDistribution> distribution, long gaussianValues) {
        this.distribution = distribution;
        this.gaussianValues = gaussianValues;
    }

    /** Every check, in the order they are reported. */
    public List<ContractCheck> all() {
        return List.of(
                new ContractCheck("groundTruth() has dim() rows", this::groundTruthFits),
                new ContractCheck("inputs are finite and a function of their stream", this::finiteAndDeterministic),
                new ContractCheck("if declared standard Gaussian, the inputs have N(0, I)'s moments, covariance and"
                        + " squared norms", this::declaredGaussianIsStandardGaussian));
    }

    public void groundTruthFits() {
        DataDistribution data = distribution.get();
        Subspace truth = data.groundTruth();
        require(truth != null, "groundTruth() returned null");
        require(data.dim() > 0 && truth.dim() == data.dim(), "groundTruth() is " + truth.basis() + " but dim() is "
                + data.dim());
    }

    public void finiteAndDeterministic() {
        DataDistribution data = distribution.get();
        double[] first = sample(data);
        for (int i = 0; i < first.length; i++) {
            require(Double.isFinite(first[i]), "sample() gave x[" + i / data.dim() + "][" + i % data.dim() + "] = "
                    + first[i] + ": inputs must be finite");
        }
        require(Arrays.equals(first, sample(distribution.get())), "two samples from the same stream differ:"
                + " use only the stream given to sample()");
    }

    /**
     * For a distribution that declares itself standard Gaussian, N points (20000, fewer at large d, at
     * least 100) tested
     * against N(0, I_d): the pooled values' first four moments (0, 1, 0, 3), the covariance of the first
     * 16 coordinates (the identity) and the variance of the squared norms about d (2d, which a wrong
     * radial law such as the sphere's fails; their mean is the pooled second moment's). Passes at once for a distribution that does not declare it.
     */
    public void declaredGaussianIsStandardGaussian() {
        DataDistribution data = distribution.get();
        if (!data.standardGaussian()) {
            return;
        }
        int d = data.dim();
        int points = (int) Math.max(100, Math.min(20000, gaussianValues / d));
        int chunk = (int) Math.max(1, Math.min(points, 1_000_000 / d));
        int k = Math.min(d, COVARIANCE_COORDINATES);
        double[] moments = new double[5];
        double[] cross = new double[k * k];
        double[] means = new double[k];
        double normSquares = 0;
        double[] x = new double[chunk * d];
        RandomStream rng = new KitStreams(22).stream("gaussian test");
        for (int done = 0; done < points; done += chunk) {
            int n = Math.min(chunk, points - done);
            data.sample(rng, x, n);
            for (int s = 0; s < n; s++) {
                double norm = 0;
                for (int i = 0; i < d; i++) {
                    double v = x[s * d + i];
                    double v2 = v * v;
                    moments[1] += v;
                    moments[2] += v2;
                    moments[3] += v2 * v;
                    moments[4] += v2 * v2;
                    norm += v2;
                }
                normSquares += (norm - d) * (norm - d);
                for (int i = 0; i < k; i++) {
                    means[i] += x[s * d + i];
                    for (int j = 0; j <= i; j++) {
                        cross[i * k + j] += x[s * d + i] * x[s * d + j];
                    }
                }
            }
        }
        double values = (double) points * d;
        gaussian("mean of all values", moments[1] / values, 0, 1 / Math.sqrt(values));
        gaussian("second moment of all values", moments[2] / values, 1, Math.sqrt(2 / values));
        gaussian("third moment of all values", moments[3] / values, 0, Math.sqrt(15 / values));
        gaussian("fourth moment of all values", moments[4] / values, 3, Math.sqrt(96 / values));
        for (int i = 0; i < k; i++) {
            gaussian("mean of x[" + i + "]", means[i] / points, 0, 1 / Math.sqrt(points));
            for (int j = 0; j <= i; j++) {
                gaussian("E[x[" + i + "] x[" + j + "]]", cross[i * k + j] / points, i == j ? 1 : 0,
                        Math.sqrt((i == j ? 2.0 : 1.0) / points));
            }
        }
        gaussian("mean of (|x|^2 - d)^2", normSquares / points, 2.0 * d, Math.sqrt(8.0 * d * d + 48.0 * d) / Math.sqrt(points));
    }

    private static void gaussian(String statistic, double value, double expected, double deviation) {
        require(Math.abs(value - expected) <= DEVIATIONS * deviation, String.format(Locale.ROOT,
                "declares standardGaussian(), but its inputs' %s is %.5g, where N(0, I) gives %s +- %.3g (%.1f standard"
                        + " deviations): a distribution that is not N(0, I_d) must not declare it, since projected"
                        + " sampling draws N(0, I) in its place", statistic, value, expected, DEVIATIONS * deviation,
                DEVIATIONS));
    }

    private static double[] sample(DataDistribution data) {
        double[] x = new double[POINTS * data.dim()];
        data.sample(new KitStreams(21).stream("inputs"), x, POINTS);
        return x;
    }
}
