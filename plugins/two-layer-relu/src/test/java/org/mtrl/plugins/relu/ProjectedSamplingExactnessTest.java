package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.training.Gradients;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;
import org.mtrl.core.data.ProjectingSampleSource;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.sampling.ProjectedSampling;
import org.mtrl.core.testing.GaussianInputs;
import org.mtrl.core.testing.RandomBases;
import org.mtrl.core.training.GradientEngine;

/**
 * Projected sampling is exact in distribution: on a small problem (d = 12, r = 2, m = 3, T = 2, four
 * samples per task), one step's gradient (heads, first layer, biases) has the same mean and covariance
 * under projected and explicit sampling, over {@value #REPETITIONS} independent repetitions of each.
 *
 * <p>The comparison: every coordinate of the gradient vector and {@value #DIRECTIONS} random unit
 * directions (which see the cross-covariances), each by a two-sample z-test of the means and one of the
 * variances (the variance of a sample variance estimated from the fourth moment). All tests together
 * have a false-alarm rate of at most {@value #FALSE_ALARM} (Bonferroni), so a correct method fails this
 * test with probability below 1e-3 for a random seed; the seeds are fixed, so the outcome is too. The
 * variant that drops the P term (the part of x outside span(Q)) must fail the same tests.
 */
@Tag("slow")
class ProjectedSamplingExactnessTest {
    private static final int D = 12;
    private static final int R = 2;
    private static final int M = 3;
    private static final int TASKS = 2;
    private static final int SAMPLES = 4;
    private static final int REPETITIONS = 6000;
    private static final int DIRECTIONS = 40;
    private static final double FALSE_ALARM = 1e-3;

    /** The task families compared, each with its own use of the bias. */
    enum Setting {
        THRESHOLD_WITH_BIAS(true), PARITY_WITHOUT_BIAS(false), NOISY_THRESHOLD_WITH_BIAS(true);

        final boolean bias;

        Setting(boolean bias) {
            this.bias = bias;
        }

        Task task(double[] v) {
            return switch (this) {
                case THRESHOLD_WITH_BIAS -> (z, n, rng, y) -> threshold(v, z, n, y);
                case PARITY_WITHOUT_BIAS -> (z, n, rng, y) -> {
                    for (int s = 0; s < n; s++) {
                        y[s] = z[s * R] * z[s * R + 1] >= 0 ? 1 : -1;
                    }
                };
                case NOISY_THRESHOLD_WITH_BIAS -> (z, n, rng, y) -> {
                    threshold(v, z, n, y);
                    for (int s = 0; s < n; s++) {
                        y[s] = rng.nextDouble() < 0.2 ? -y[s] : y[s];
                    }
                };
            };
        }

        private static void threshold(double[] v, double[] z, int n, double[] y) {
            for (int s = 0; s < n; s++) {
                y[s] = v[0] * z[s * R] + v[1] * z[s * R + 1] >= 0 ? 1 : -1;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void projectedGradientsHaveTheMomentsOfExplicitOnes(Setting setting) {
        Fixture fixture = new Fixture(setting);
        try (PoolWorkers workers = new PoolWorkers(1)) {
            double[][] direct = fixture.gradients(Sampling.direct(fixture.problem), 1_000_000, workers, g -> g);
            Sampling projected = new ProjectedSampling(fixture.problem, workers);
            double[][] exact = fixture.gradients(projected, 2_000_000, workers, g -> g);
            double[][] broken = fixture.gradients(projected, 2_000_000, workers, fixture.withoutOutsidePart(projected));

            List<String> failures = MomentComparison.compare(direct, exact, DIRECTIONS, FALSE_ALARM);
            assertTrue(failures.isEmpty(), "projected sampling differs from explicit sampling: " + failures);
            assertTrue(!MomentComparison.compare(direct, broken, DIRECTIONS, FALSE_ALARM).isEmpty(),
                    "dropping the P term must fail the same tests");
        }
    }

    /** The problem and model of one setting, and the gradient vectors of repeated steps. */
    private static final class Fixture {
        final Problem problem;
        final TwoLayerReluModel model;
        final boolean bias;

        Fixture(Setting setting) {
            RandomStream rng = new SeededRandomStreams(41).stream("fixture");
            Subspace truth = new Subspace(RandomBases.orthonormal(D, R, rng));
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < TASKS; t++) {
                tasks.add(setting.task(RandomVectors.unitVector(R, rng)));
            }
            DataDistribution data = new GaussianInputs(truth);
            problem = new Problem(data, tasks, new ProjectingSampleSource(data, "test inputs"));
            // heads of order one, so that every part of the gradient is far from zero
            model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 1, 1, "logistic"), 43);
            bias = setting.bias;
        }

        /**
         * One row per repetition: the head gradients of both tasks, then the first-layer gradient (with
         * {@code firstLayer} applied) and the bias gradient when the setting trains it, each repetition on
         * the streams of seed {@code seed0 + i}.
         */
        double[][] gradients(Sampling sampling, long seed0, PoolWorkers workers,
                             Function<double[], double[]> firstLayer) {
            int[] all = {0, 1};
            double[][] rows = new double[REPETITIONS][];
            for (int i = 0; i < REPETITIONS; i++) {
                // the run's path: the gradient service of the run's sampling, reached through the context
                TrainingContext context = new TrainingContext(problem, new SeededRandomStreams(seed0 + i), workers,
                        ProgressListener.NONE, GradientEngine.service(sampling), null);
                Gradients engine = context.gradients(model);
                HeadGradients heads = engine.headGradients(all, new SamplePlan("head", 1, SAMPLES));
                SharedGradient shared = engine.sharedGradient(all, new SamplePlan("rep", 1, SAMPLES), bias);
                double[] w = firstLayer.apply(shared.firstLayer());
                double[] row = new double[TASKS * M + w.length + (bias ? M : 0)];
                System.arraycopy(heads.gradients()[0], 0, row, 0, M);
                System.arraycopy(heads.gradients()[1], 0, row, M, M);
                System.arraycopy(w, 0, row, TASKS * M, w.length);
                if (bias) {
                    System.arraycopy(shared.bias(), 0, row, TASKS * M + w.length, M);
                }
                rows[i] = row;
            }
            return rows;
        }

        /** The broken variant: G Q Q^T, the first-layer gradient without its part outside span(Q). */
        Function<double[], double[]> withoutOutsidePart(Sampling projected) {
            Matrix q = projected.forModel(model).basis();
            int k = q.rows();
            return g -> {
                double[] out = new double[M * D];
                for (int i = 0; i < M; i++) {
                    for (int c = 0; c < k; c++) {
                        double coefficient = 0;
                        for (int j = 0; j < D; j++) {
                            coefficient += g[i * D + j] * q.get(c, j);
                        }
                        for (int j = 0; j < D; j++) {
                            out[i * D + j] += coefficient * q.get(c, j);
                        }
                    }
                }
                return out;
            };
        }
    }

    /** Two-sample tests of means and variances along coordinates and random directions. */
    static final class MomentComparison {
        private MomentComparison() {
        }

        /** The tests that reject equal moments at family-wise level {@code falseAlarm}, described. */
        static List<String> compare(double[][] a, double[][] b, int directions, double falseAlarm) {
            int p = a[0].length;
            List<double[]> axes = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                double[] e = new double[p];
                e[j] = 1;
                axes.add(e);
            }
            RandomStream rng = new SeededRandomStreams(7).stream("directions");
            for (int k = 0; k < directions; k++) {
                axes.add(RandomVectors.unitVector(p, rng));
            }
            int tests = 2 * axes.size();
            double critical = new NormalDistribution().inverseCumulativeProbability(1 - falseAlarm / (2 * tests));
            List<String> failures = new ArrayList<>();
            for (int k = 0; k < axes.size(); k++) {
                double[] sa = moments(a, axes.get(k));
                double[] sb = moments(b, axes.get(k));
                double meanZ = (sa[0] - sb[0]) / Math.sqrt(sa[1] / a.length + sb[1] / b.length);
                double varianceZ = (sa[1] - sb[1]) / Math.sqrt(sa[2] / a.length + sb[2] / b.length);
                if (Math.abs(meanZ) > critical) {
                    failures.add("axis " + k + " mean z=" + meanZ);
                }
                if (Math.abs(varianceZ) > critical) {
                    failures.add("axis " + k + " variance z=" + varianceZ + " (" + sa[1] + " vs " + sb[1] + ")");
                }
            }
            return failures;
        }

        /** Mean, variance, and the variance of (X - mean)^2 of the rows' projections on {@code v}. */
        private static double[] moments(double[][] rows, double[] v) {
            int n = rows.length;
            double[] x = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < v.length; j++) {
                    x[i] += rows[i][j] * v[j];
                }
                mean += x[i] / n;
            }
            double variance = 0;
            double fourth = 0;
            for (int i = 0; i < n; i++) {
                double c = (x[i] - mean) * (x[i] - mean);
                variance += c / (n - 1);
                fourth += c * c / n;
            }
            return new double[] {mean, variance, fourth - variance * variance};
        }
    }
}
