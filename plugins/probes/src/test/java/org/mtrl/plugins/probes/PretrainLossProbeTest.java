package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.Task;

class PretrainLossProbeTest {
    private static final double SCALE = 3;

    /**
     * Two threshold tasks with orthogonal unit directions v_t and a model with units +u_t and -u_t (u_t = M v_t, no
     * bias): head t = (SCALE, -SCALE) on its own pair gives f_t(x) = SCALE &lt;v_t, z&gt; exactly.
     */
    private static final class TwoTasks {
        final GaussianData data;
        final Problem problem;
        final Matrix w;

        TwoTasks(long seed) {
            RandomStream rng = Fixtures.stream(seed);
            data = GaussianData.random(12, 3, rng);
            Subspace truth = data.groundTruth();
            double[][] v = {RandomVectors.unitVector(3, rng), RandomVectors.unitVector(3, rng)};
            // v_1 orthogonal to v_0: one task's features then say nothing about the other's labels
            double along = Vectors.dot(v[1], 0, v[0], 0, 3);
            for (int c = 0; c < 3; c++) {
                v[1][c] -= along * v[0][c];
            }
            double norm = Math.sqrt(Vectors.dot(v[1], 0, v[1], 0, 3));
            for (int c = 0; c < 3; c++) {
                v[1][c] /= norm;
            }
            List<Task> tasks = List.of(ThresholdFamily.threshold(v[0]), ThresholdFamily.threshold(v[1]));
            problem = new Problem(data, tasks, Fixtures.samples(data));
            w = Matrix.zeros(4, 12);
            for (int t = 0; t < 2; t++) {
                for (int a = 0; a < 12; a++) {
                    double u = Vectors.dot(truth.basis().data(), a * 3, v[t], 0, 3);
                    w.set(2 * t, a, u);
                    w.set(2 * t + 1, a, -u);
                }
            }
        }

        Model model(boolean firstHeadTrained, boolean secondHeadTrained) {
            Matrix heads = Matrix.zeros(2, 4);
            if (firstHeadTrained) {
                heads.set(0, 0, SCALE);
                heads.set(0, 1, -SCALE);
            }
            if (secondHeadTrained) {
                heads.set(1, 2, SCALE);
                heads.set(1, 3, -SCALE);
            }
            return Fixtures.model(w, new double[4], heads);
        }

        Map<String, Double> measure(Model model, List<Integer> trained, int samples, long seed, int threads) {
            return measure(model, trained, new PretrainLossProbe.Params(samples, 300, 5, 0.001, 50), seed, threads);
        }

        Map<String, Double> measure(Model model, List<Integer> trained, PretrainLossProbe.Params params, long seed,
                                    int threads) {
            Workers workers = Fixtures.workers(threads);
            return Fixtures.measure(new PretrainLossProbe(params),
                    Fixtures.context(model, problem, new ThresholdFamily(2), trained, seed, workers));
        }
    }

    @Test
    void zeroHeadsGiveLogTwoAndChanceAccuracy() {
        TwoTasks fixture = new TwoTasks(61);
        Map<String, Double> metrics = fixture.measure(fixture.model(false, false), List.of(0, 1), 500, 1, 1);
        assertEquals(List.of("loss", "accuracy", "refit-accuracy"), List.copyOf(metrics.keySet()));
        assertEquals(Math.log(2), metrics.get("loss"), 1e-12);
        assertEquals(0.5, metrics.get("accuracy"), "every f = 0 is a tie worth 1/2");
    }

    @Test
    void perfectHeadsClassifyEverySampleAndLoseTheExpectedLogisticLoss() {
        TwoTasks fixture = new TwoTasks(62);
        Map<String, Double> metrics = fixture.measure(fixture.model(true, true), List.of(0, 1), 3000, 2, 2);
        assertEquals(1, metrics.get("accuracy"));
        // E log(1 + exp(-SCALE |g|)), g ~ N(0, 1), by the midpoint rule.
        double expected = 0;
        double step = 1e-4;
        for (double g = step / 2; g < 12; g += step) {
            expected += 2 * Math.exp(-g * g / 2) / Math.sqrt(2 * Math.PI) * Math.log1p(Math.exp(-SCALE * g)) * step;
        }
        assertEquals(expected, metrics.get("loss"), 0.01, "6000 samples: standard error about 0.002");
    }

    @Test
    void onlyTheTrainedTasksCount() {
        TwoTasks fixture = new TwoTasks(63);
        Model onlySecond = fixture.model(false, true);
        assertEquals(1, fixture.measure(onlySecond, List.of(1), 400, 3, 1).get("accuracy"));
        assertEquals(0.75, fixture.measure(onlySecond, List.of(0, 1), 400, 3, 1).get("accuracy"), 1e-12);
        assertEquals(Map.of(), fixture.measure(onlySecond, List.of(), 10, 3, 1), "nothing trained, nothing to average");
        assertThrows(IllegalArgumentException.class, () -> fixture.measure(onlySecond, List.of(2), 10, 3, 1));
    }

    /**
     * A trained task must be one of the problem's tasks and have a head in the model; each bound is checked
     * on its own (the other one leaves room), including the first index past it.
     */
    @Test
    void aTrainedTaskPastTheProblemsTasksOrTheModelsHeadsIsRejected() {
        TwoTasks fixture = new TwoTasks(69);
        Model threeHeads = Fixtures.model(fixture.w, new double[4], Matrix.zeros(3, 4));
        IllegalArgumentException pastTasks = assertThrows(IllegalArgumentException.class,
                () -> fixture.measure(threeHeads, List.of(2), 10, 3, 1));
        assertTrue(pastTasks.getMessage().contains("trained task 2"), pastTasks.getMessage());

        Problem threeTasks = new Problem(fixture.data, List.of(fixture.problem.tasks().get(0),
                fixture.problem.tasks().get(1), fixture.problem.tasks().get(0)), fixture.problem.samples());
        PretrainLossProbe probe = new PretrainLossProbe(new PretrainLossProbe.Params(10, 300, 5, 0.001, 50));
        IllegalArgumentException pastHeads = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.measure(probe, Fixtures.context(fixture.model(true, true), threeTasks,
                        new ThresholdFamily(3), List.of(2), 3, Fixtures.workers(1))));
        assertTrue(pastHeads.getMessage().contains("trained task 2"), pastHeads.getMessage());
    }

    /**
     * With 1100 refit samples (two chunks of features) the refit accuracy is exactly that of an independent
     * plain-loop pipeline: the same samples drawn in one go, relu(W x) by loops, the same solver, the same
     * scoring samples.
     */
    @Test
    void refitAccuracyOverSeveralChunksMatchesAPlainLoopPipeline() {
        TwoTasks fixture = new TwoTasks(70);
        Model model = fixture.model(false, false);
        PretrainLossProbe.Params params = new PretrainLossProbe.Params(500, 1100, 2, 0.001, 50);
        double measured = fixture.measure(model, List.of(0, 1), params, 9, 2).get("refit-accuracy");
        ProbeContext context = Fixtures.context(model, fixture.problem, new ThresholdFamily(2), List.of(0, 1), 9,
                Fixtures.workers(1));
        double credit = 0;
        for (int t = 0; t < 2; t++) {
            Batch refit = draw(context, t, "refit", params.refitSamples());
            RidgeLogisticRegression.Fit head = new RidgeLogisticRegression(params.l2(), params.maxIterations())
                    .fit(reluFeatures(fixture.w, refit), refit.y(), params.refitSamples(), 4);
            Batch scored = draw(context, t, "samples", params.samples());
            double[] phi = reluFeatures(fixture.w, scored);
            for (int s = 0; s < params.samples(); s++) {
                double f = head.predict(phi, s * 4);
                credit += f == 0 ? 0.5 : f * scored.y()[s] > 0 ? 1 : 0;
            }
        }
        assertEquals(credit / (2.0 * params.samples()), measured, 1e-12);
        assertTrue(measured > 0.98, "the features separate both tasks: " + measured);
    }

    private static Batch draw(ProbeContext context, int t, String purpose, int n) {
        Batch batch = new Batch(context.problem().groundTruth().dim(), context.problem().groundTruth().rank(), n);
        context.problem().samples().draw(context.problem().tasks().get(t), context.streams().stream(purpose, t),
                batch, n);
        return batch;
    }

    /** relu(W x) of every sample of the batch (zero biases), by plain loops. */
    private static double[] reluFeatures(Matrix w, Batch batch) {
        int m = w.rows();
        int d = w.cols();
        double[] phi = new double[batch.size() * m];
        for (int s = 0; s < batch.size(); s++) {
            for (int j = 0; j < m; j++) {
                double pre = 0;
                for (int a = 0; a < d; a++) {
                    pre += w.get(j, a) * batch.x()[s * d + a];
                }
                phi[s * m + j] = Math.max(0, pre);
            }
        }
        return phi;
    }

    @Test
    void sameSeedGivesIdenticalMetricsOnOneAndTwoThreads() {
        TwoTasks fixture = new TwoTasks(64);
        Model model = fixture.model(true, false);
        RandomStream rng = Fixtures.stream(65);
        rng.nextGaussians(model.heads().data(), 0, 8);
        Map<String, Double> one = fixture.measure(model, List.of(0, 1), 1500, 4, 1);
        Map<String, Double> two = fixture.measure(model, List.of(0, 1), 1500, 4, 2);
        assertEquals(one, two);
        assertTrue(one.get("accuracy") > 0 && one.get("accuracy") < 1 && one.get("loss") > 0);
    }

    @Test
    void headsRefittedOnFeaturesThatSeparateTheTasksClassifyThemWhileTheStaleHeadsScoreChance() {
        TwoTasks fixture = new TwoTasks(66);
        Map<String, Double> metrics = fixture.measure(fixture.model(false, false), List.of(0, 1), 1000, 5, 2);
        assertEquals(0.5, metrics.get("accuracy"), "zero heads: chance");
        assertTrue(metrics.get("refit-accuracy") > 0.98, "f = c <u_t, x> is in the span of the features: "
                + metrics.get("refit-accuracy"));
    }

    @Test
    void featuresOutsideTheTrueSubspaceGiveRefittedHeadsNothingToFit() {
        RandomStream rng = Fixtures.stream(67);
        GaussianData data = GaussianData.random(12, 3, rng);
        Model model = Fixtures.model(Fixtures.outsideSpan(6, data.groundTruth(), rng), 2);
        Workers workers = Fixtures.workers(1);
        double refit = Fixtures.measure(new PretrainLossProbe(new PretrainLossProbe.Params(2000, 400, 2, 0.001, 50)),
                Fixtures.context(model, data, new ThresholdFamily(2), 6, workers)).get("refit-accuracy");
        assertEquals(0.5, refit, 0.05, "features independent of the labels");
    }

    @Test
    void onlyTheFirstRefitTasksGetARefittedHead() {
        TwoTasks fixture = new TwoTasks(68);
        Model model = fixture.model(false, false);
        for (int a = 0; a < 12; a++) { // the second task's units become constant zero features
            model.firstLayer().set(2, a, 0);
            model.firstLayer().set(3, a, 0);
        }
        double first = fixture.measure(model, List.of(0, 1), new PretrainLossProbe.Params(1000, 300, 1, 0.001, 50), 7, 1)
                .get("refit-accuracy");
        double both = fixture.measure(model, List.of(0, 1), new PretrainLossProbe.Params(1000, 300, 2, 0.001, 50), 7, 1)
                .get("refit-accuracy");
        assertTrue(first > 0.95, "task 0's features separate it: " + first);
        assertEquals((first + 0.5) / 2, both, 0.03, "task 1 has only an intercept to fit: chance");
    }
}
