package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

/**
 * The engine's gradients against sums written out in the test: for the {@link MomentModel} the
 * gradient of task t over its n samples is (1/n) sum_s y_s x_s (head, bias) and (1/n) sum_s y_s x_s x_s^T
 * (first layer), and its loss (1/n) sum_s y_s x_{s,0}. The samples are drawn here, chunk by chunk, from
 * the streams the plan names, so the test also pins which samples the engine uses: a wrong round, task
 * or chunk key, a wrong chunk size or a wrong scale changes the numbers.
 */
class GradientEngineReferenceTest {
    private static final int D = 3;
    private static final int TASKS = 5;
    private static final long SEED = 11;
    private static final double TOLERANCE = 1e-12;

    /** Label-weighted moments of one task's samples, by plain loops, each divided by n. */
    private record Moments(double[] first, double[] linear, double loss) {
        static Moments of(Problem problem, int task, SamplePlan plan) {
            double[] first = new double[D * D];
            double[] linear = new double[D];
            double loss = 0;
            Batch batch = new Batch(D, 1, SamplePlan.CHUNK);
            SeededRandomStreams streams = new SeededRandomStreams(SEED);
            int drawn = 0;
            for (int c = 0; drawn < plan.samples(); c++) {
                int size = Math.min(SamplePlan.CHUNK, plan.samples() - drawn);
                problem.samples().draw(problem.tasks().get(task), streams.stream(plan.purpose(), plan.round(), task, c),
                        batch, size);
                for (int s = 0; s < size; s++) {
                    double y = batch.y()[s];
                    loss += y * batch.x()[s * D];
                    for (int j = 0; j < D; j++) {
                        linear[j] += y * batch.x()[s * D + j];
                        for (int i = 0; i < D; i++) {
                            first[j * D + i] += y * batch.x()[s * D + j] * batch.x()[s * D + i];
                        }
                    }
                }
                drawn += size;
            }
            double n = plan.samples();
            for (int i = 0; i < first.length; i++) {
                first[i] /= n;
            }
            for (int j = 0; j < D; j++) {
                linear[j] /= n;
            }
            return new Moments(first, linear, loss / n);
        }
    }

    private static <T> T withEngine(java.util.function.Function<GradientEngine, T> body) {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            TrainingContext context = new TrainingContext(MomentModel.problem(D, TASKS), new SeededRandomStreams(SEED),
                    workers, ProgressListener.NONE, GradientEngine.SERVICE, null);
            return body.apply(new GradientEngine(new MomentModel(D, TASKS), context));
        }
    }

    @Test
    void headGradientsAreEachTasksMeanOverItsSamples() {
        int[] tasks = {3, 1};
        SamplePlan plan = new SamplePlan("head", 2, SamplePlan.CHUNK + 188);
        HeadGradients heads = withEngine(engine -> engine.headGradients(tasks, plan));
        Problem problem = MomentModel.problem(D, TASKS);
        assertArrayEquals(tasks, heads.tasks());
        double meanLoss = 0;
        for (int i = 0; i < tasks.length; i++) {
            Moments expected = Moments.of(problem, tasks[i], plan);
            assertClose(expected.linear(), heads.gradients()[i], "head gradient of task " + tasks[i]);
            assertEquals(expected.loss(), heads.losses()[i], TOLERANCE, "loss of task " + tasks[i]);
            meanLoss += expected.loss() / tasks.length;
        }
        assertEquals(meanLoss, heads.meanLoss(), TOLERANCE);
    }

    @Test
    void theSharedGradientIsTheMeanOverTasksOfEachTasksMean() {
        int[] tasks = {4, 0, 2};
        SamplePlan plan = new SamplePlan("rep", 1, 2 * SamplePlan.CHUNK + 5);
        SharedGradient withBias = withEngine(engine -> engine.sharedGradient(tasks, plan, true));
        SharedGradient withoutBias = withEngine(engine -> engine.sharedGradient(tasks, plan, false));
        Problem problem = MomentModel.problem(D, TASKS);
        double[] first = new double[D * D];
        double[] bias = new double[D];
        double loss = 0;
        for (int t : tasks) {
            Moments m = Moments.of(problem, t, plan);
            for (int i = 0; i < first.length; i++) {
                first[i] += m.first()[i] / tasks.length;
            }
            for (int j = 0; j < D; j++) {
                bias[j] += m.linear()[j] / tasks.length;
            }
            loss += m.loss() / tasks.length;
        }
        assertClose(first, withBias.firstLayer(), "first layer");
        assertClose(bias, withBias.bias(), "bias");
        assertEquals(loss, withBias.meanLoss(), TOLERANCE, "mean loss");
        assertNull(withoutBias.bias(), "no bias gradient unless asked for");
        assertArrayEquals(withBias.firstLayer(), withoutBias.firstLayer());
        assertEquals(withBias.meanLoss(), withoutBias.meanLoss(), 0.0);
    }

    @Test
    void oneTaskWithOneChunkIsThatChunksMean() {
        int[] tasks = {2};
        SamplePlan plan = new SamplePlan("rep", 4, 37);
        SharedGradient shared = withEngine(engine -> engine.sharedGradient(tasks, plan, true));
        Moments expected = Moments.of(MomentModel.problem(D, TASKS), 2, plan);
        assertClose(expected.first(), shared.firstLayer(), "first layer");
        assertClose(expected.linear(), shared.bias(), "bias");
        assertEquals(expected.loss(), shared.meanLoss(), TOLERANCE);
    }

    @Test
    void repeatedCallsReuseWorkspacesWithoutCarryingSumsOver() {
        int[] tasks = {0, 1, 2, 3, 4};
        SamplePlan plan = new SamplePlan("rep", 1, 300);
        withEngine(engine -> {
            SharedGradient first = engine.sharedGradient(tasks, plan, true);
            SharedGradient second = engine.sharedGradient(tasks, plan, true);
            assertArrayEquals(first.firstLayer(), second.firstLayer());
            assertArrayEquals(first.bias(), second.bias());
            HeadGradients heads = engine.headGradients(tasks, plan);
            HeadGradients again = engine.headGradients(tasks, plan);
            for (int i = 0; i < tasks.length; i++) {
                assertArrayEquals(heads.gradients()[i], again.gradients()[i]);
            }
            return null;
        });
    }

    /** Workspaces go back to their pool after each use, so training does not allocate per step. */
    @Test
    void workspacesAreReusedAcrossUnitsAndCalls() {
        try (PoolWorkers serial = new PoolWorkers(1)) {
            MomentModel model = new MomentModel(D, TASKS);
            TrainingContext context = new TrainingContext(MomentModel.problem(D, TASKS), new SeededRandomStreams(SEED),
                    serial, ProgressListener.NONE, GradientEngine.SERVICE, null);
            GradientEngine engine = new GradientEngine(model, context);
            int[] tasks = AlternatingMethod.allTasks(TASKS);
            SamplePlan plan = new SamplePlan("rep", 1, 100);
            engine.headGradients(tasks, plan);
            engine.headGradients(tasks, plan);
            assertEquals(1, model.accumulatorsMade, "one thread, one head workspace");
            engine.sharedGradient(tasks, plan, false);
            engine.sharedGradient(tasks, plan, false);
            assertEquals(1 + TASKS, model.accumulatorsMade, "one shared workspace per shard (5 tasks of one chunk)");
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double largest = 0;
        for (double v : expected) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 1e-3, what + " is all but zero: the comparison would prove nothing");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * largest, what + "[" + i + "]");
        }
    }
}
