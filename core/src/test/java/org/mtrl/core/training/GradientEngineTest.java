package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.AlternatingParameters;
import org.mtrl.api.training.DivergenceCheck;
import org.mtrl.api.training.HeadStepParameters;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

class GradientEngineTest {
    private static final int D = 4;
    private static final int TASKS = 5;
    /** Three chunks, the last one partial: exercises the chunk and shard boundaries. */
    private static final SamplePlan PLAN = new SamplePlan("rep", 3, 2 * SamplePlan.CHUNK + 77);

    private static SharedGradient shared(int threads) {
        try (PoolWorkers workers = new PoolWorkers(threads)) {
            MomentModel model = new MomentModel(D, TASKS);
            TrainingContext context = new TrainingContext(MomentModel.problem(D, TASKS), new SeededRandomStreams(5),
                    workers, ProgressListener.NONE, GradientEngine.SERVICE, null);
            return new GradientEngine(model, context).sharedGradient(AlternatingMethod.allTasks(TASKS), PLAN, true);
        }
    }

    @Test
    void theSharedGradientIsBitIdenticalForAnyThreadCount() {
        SharedGradient one = shared(1);
        for (int threads : new int[] {2, 3, 8}) {
            SharedGradient other = shared(threads);
            assertArrayEquals(one.firstLayer(), other.firstLayer(), threads + " threads");
            assertArrayEquals(one.bias(), other.bias(), threads + " threads");
            assertEquals(one.meanLoss(), other.meanLoss(), 0.0);
        }
    }

    @Test
    void theSharedGradientIsTheTaskAverageOfPerSampleMeans() {
        // Reference: a plain sequential sum over the same streams, one accumulator.
        Problem problem = MomentModel.problem(D, TASKS);
        RandomStreams streams = new SeededRandomStreams(5);
        MomentModel model = new MomentModel(D, TASKS);
        GradientAccumulator reference = model.newAccumulator(java.util.EnumSet.allOf(GradientPart.class));
        Batch batch = new Batch(D, 1, SamplePlan.CHUNK);
        for (int t = 0; t < TASKS; t++) {
            for (int c = 0; c < PLAN.chunks(); c++) {
                problem.samples().draw(problem.tasks().get(t), streams.stream("rep", 3, t, c), batch, PLAN.chunkSize(c));
                reference.add(t, batch, 1.0 / ((double) PLAN.samples() * TASKS));
            }
        }
        SharedGradient engine = shared(2);
        for (int i = 0; i < D * D; i++) {
            assertEquals(reference.firstLayer()[i], engine.firstLayer()[i], 1e-12 * Math.abs(reference.firstLayer()[i]) + 1e-15);
        }
    }

    @Test
    void fixedSamplingReusesTheTrainingSetEveryRoundAndFreshSamplingDoesNot() {
        double[] fixed = headsAfterTwoRounds("fixed");
        double[] fresh = headsAfterTwoRounds("fresh");
        double[] oneRoundFixed = headsAfterRounds("fixed", 1);
        // Parameter-independent gradients: two fixed rounds are exactly twice one round.
        for (int i = 0; i < fixed.length; i++) {
            assertEquals(2 * oneRoundFixed[i], fixed[i], 1e-15);
        }
        assertFalse(Arrays.equals(fixed, fresh));
    }

    private static double[] headsAfterTwoRounds(String sampling) {
        return headsAfterRounds(sampling, 2);
    }

    private static double[] headsAfterRounds(String sampling, int rounds) {
        AlternatingParameters p = new AlternatingParameters(rounds, new HeadStepParameters(600, 1, 0), 600, 1, null,
                false, sampling);
        try (PoolWorkers workers = new PoolWorkers(2)) {
            MomentModel model = new MomentModel(D, TASKS);
            TrainingContext context = new TrainingContext(MomentModel.problem(D, TASKS), new SeededRandomStreams(9),
                    workers, ProgressListener.NONE, GradientEngine.SERVICE, new DivergenceCheck(model, DivergenceCheck.DEFAULT_GROWTH));
            new AlternatingMethod(p.schedule().headsOnly()).train(model, context, AlternatingMethod.allTasks(TASKS));
            return model.heads().data().clone();
        }
    }
}
