package org.mtrl.api.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.Workers;

/**
 * The composition of the alternating method on {@link ScriptedGradients}: which gradients each round
 * asks for, at which parameters, and what it does with them, computed by hand. (Core's
 * {@code AlternatingMethodTest} checks the same rounds with the real gradients on a tiny problem.)
 */
class AlternatingMethodTest {
    private static final int[] TASKS = {0, 1};

    private final Model model = new ParametersModel(2, 2, 3);
    private final ScriptedGradients gradients = new ScriptedGradients(model);
    private final List<String> progress = new ArrayList<>();

    private TrainingContext context() {
        Workers inOrder = new Workers() {
            @Override
            public int threads() {
                return 1;
            }

            @Override
            public void forEach(int count, IntConsumer body) {
                for (int i = 0; i < count; i++) {
                    body.accept(i);
                }
            }
        };
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phaseStarted(String phase) {
                progress.add(phase);
            }

            @Override
            public void roundFinished(int round, int rounds, Map<String, Double> stats) {
                progress.add("round " + round + " of " + rounds + " " + stats.keySet());
            }
        };
        return new TrainingContext(null, null, inOrder, listener, (m, c) -> {
            assertEquals(model, m);
            return gradients;
        }, new DivergenceCheck(model, DivergenceCheck.DEFAULT_GROWTH));
    }

    /** etaA = 0.5 and lambdaA = 0.2 (keep 0.9); etaW = 2 and lambdaW = 1/etaW (W forgotten); biases train. */
    private static AlternatingSchedule schedule(int rounds, String sampling) {
        return new AlternatingParameters(rounds, new HeadStepParameters(7, 0.5, 0.2), 9, 2.0, null, true, sampling)
                .schedule();
    }

    private TrainingResult train(AlternatingMethod method) {
        return method.train(model, context(), TASKS);
    }

    @Test
    void headsFirstStepsTheHeadsThenTakesTheSharedGradientAtTheNewHeads() {
        TrainingResult result = train(new AlternatingMethod(schedule(1, "fresh")));

        // a_t = 0.9 * 0 - 0.5 * (+-(t + 1)): a_0 = (-0.5, 0.5), a_1 = (-1, 1)
        assertArrayEquals(new double[] {-0.5, 0.5, -1, 1}, model.heads().data(), 0.0);
        // the shared gradient of row j sums the new heads' entry j: (-1.5, 1.5); W = -2 g, b = -2 * 1
        assertArrayEquals(new double[] {3, 3, 3, -3, -3, -3}, model.firstLayer().data(), 0.0);
        assertArrayEquals(new double[] {-2, -2}, model.bias(), 0.0);
        assertEquals(List.of("head [0, 1] SamplePlan[purpose=head, round=1, samples=7]",
                "shared [0, 1] SamplePlan[purpose=rep, round=1, samples=9] bias"), gradients.calls);
        Map<String, Double> stats = result.history().get(0).values();
        assertEquals(List.of("head-loss", "rep-loss", "first-layer-gradient-norm", "first-layer-norm"),
                List.copyOf(stats.keySet()));
        assertEquals(1.0, stats.get("head-loss"), "mean of the task losses 0.5 and 1.5");
        assertEquals(2.0, stats.get("rep-loss"));
        assertEquals(Math.sqrt(6 * 1.5 * 1.5), stats.get("first-layer-gradient-norm"), 1e-15);
        assertEquals(Math.sqrt(6 * 9), stats.get("first-layer-norm"), 1e-15);
        assertEquals(List.of(0, 1), result.trainedTasks());
        assertEquals(List.of("head step, round 1", "representation step, round 1",
                "round 1 of 1 [head-loss, rep-loss, first-layer-gradient-norm, first-layer-norm]"), progress);
    }

    @Test
    void theSimultaneousOrderTakesTheSharedGradientAtTheRoundsStartingHeads() {
        TrainingResult result = train(new AlternatingMethod(schedule(1, "fresh"), AlternatingMethod.Order.SIMULTANEOUS));

        assertArrayEquals(new double[] {-0.5, 0.5, -1, 1}, model.heads().data(), 0.0);
        assertArrayEquals(new double[6], model.firstLayer().data(), 0.0, "the heads were zero when it was taken");
        assertArrayEquals(new double[] {-2, -2}, model.bias(), 0.0);
        assertEquals(List.of("head-loss", "rep-loss", "first-layer-gradient-norm", "first-layer-norm"),
                List.copyOf(result.history().get(0).values().keySet()));
        assertEquals(List.of("head step, round 1", "representation step, round 1",
                "round 1 of 1 [head-loss, rep-loss, first-layer-gradient-norm, first-layer-norm]"), progress);
    }

    @Test
    void laterRoundsStartFromTheUpdatedParametersAndDrawTheirOwnSamples() {
        train(new AlternatingMethod(schedule(2, "fresh")));

        // round 2: g_t = +-(t + 1) + a_t = (0.5, -0.5) and (1, -1); a_t = 0.9 a_t - 0.5 g_t
        assertArrayEquals(new double[] {-0.7, 0.7, -1.4, 1.4}, model.heads().data(), 1e-15);
        assertArrayEquals(new double[] {4.2, 4.2, 4.2, -4.2, -4.2, -4.2}, model.firstLayer().data(), 1e-15);
        assertArrayEquals(new double[] {-2, -2}, model.bias(), 0.0, "b forgotten too: -2 * 1 each round");
        assertEquals(List.of("head [0, 1] SamplePlan[purpose=head, round=1, samples=7]",
                "shared [0, 1] SamplePlan[purpose=rep, round=1, samples=9] bias",
                "head [0, 1] SamplePlan[purpose=head, round=2, samples=7]",
                "shared [0, 1] SamplePlan[purpose=rep, round=2, samples=9] bias"), gradients.calls);
    }

    @Test
    void fixedSamplingDrawsTheSamplesOfRoundZeroInEveryRound() {
        train(new AlternatingMethod(schedule(2, "fixed")));

        assertEquals(List.of("head [0, 1] SamplePlan[purpose=head, round=0, samples=7]",
                "shared [0, 1] SamplePlan[purpose=rep, round=0, samples=9] bias",
                "head [0, 1] SamplePlan[purpose=head, round=0, samples=7]",
                "shared [0, 1] SamplePlan[purpose=rep, round=0, samples=9] bias"), gradients.calls);
    }

    @Test
    void headsOnlyNeverTakesTheSharedGradient() {
        TrainingResult result = train(new AlternatingMethod(schedule(2, "fresh").headsOnly()));

        assertArrayEquals(new double[] {-0.7, 0.7, -1.4, 1.4}, model.heads().data(), 1e-15);
        assertArrayEquals(new double[6], model.firstLayer().data(), 0.0);
        assertEquals(2, gradients.calls.size());
        assertEquals(List.of("head-loss", "first-layer-norm"), List.copyOf(result.history().get(1).values().keySet()));
        assertEquals(List.of("head step, round 1", "round 1 of 2 [head-loss, first-layer-norm]",
                "head step, round 2", "round 2 of 2 [head-loss, first-layer-norm]"), progress);
    }

    @Test
    void aReplacedHeadStepKeepsTheRepresentationStep() {
        HeadStep fixedHeads = round -> {
            round.stats().put("fit", (double) round.number());
            return () -> {
                for (int t : round.tasks()) {
                    round.model().heads().set(t, 0, 1);
                    round.model().heads().set(t, 1, 2);
                }
            };
        };
        TrainingResult result = train(new AlternatingMethod(schedule(1, "fresh")).withHeadStep(fixedHeads));

        assertArrayEquals(new double[] {1, 2, 1, 2}, model.heads().data(), 0.0);
        assertArrayEquals(new double[] {-4, -4, -4, -8, -8, -8}, model.firstLayer().data(), 0.0);
        assertEquals(List.of("shared [0, 1] SamplePlan[purpose=rep, round=1, samples=9] bias"), gradients.calls);
        assertEquals(List.of("fit", "rep-loss", "first-layer-gradient-norm", "first-layer-norm"),
                List.copyOf(result.history().get(0).values().keySet()));
    }

    @Test
    void aReplacedRepresentationStepKeepsTheHeadStepAndItsOrder() {
        List<Double> headsSeen = new ArrayList<>();
        RepresentationStep recordHeads = round -> {
            headsSeen.add(round.model().heads().get(1, 1));
            return PendingUpdate.NONE;
        };
        train(new AlternatingMethod(schedule(1, "fresh"), AlternatingMethod.Order.SIMULTANEOUS)
                .withRepresentationStep(recordHeads));
        train(new AlternatingMethod(schedule(1, "fresh").headsOnly()).withRepresentationStep(recordHeads));

        // a_1 entry 1: 0 at the first round's start, 1 after it; 0.9 * 1 - 0.5 * (-2 + 1) after the second's step
        assertEquals(List.of(0.0, 1.4), headsSeen);
        assertArrayEquals(new double[6], model.firstLayer().data(), 0.0);
    }

    @Test
    void aDivergedRoundStopsTrainingThere() {
        gradients.headGradientsTimes(Double.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> train(new AlternatingMethod(schedule(3, "fresh"))));
        assertTrue(e.getMessage().startsWith("diverged at round 1 "), e.getMessage());
        assertEquals(2, gradients.calls.size());
    }

    @Test
    void aSingleTaskScheduleMultipliesBothSampleCounts() {
        AlternatingSchedule single = schedule(1, "fresh").withSamplesTimes(3);
        new AlternatingMethod(single).train(model, context(), new int[] {1});
        assertEquals(List.of("head [1] SamplePlan[purpose=head, round=1, samples=21]",
                "shared [1] SamplePlan[purpose=rep, round=1, samples=27] bias"), gradients.calls);
        assertEquals(schedule(1, "fresh"), new AlternatingSchedule(1, 7, 0.5, 0.2, 9, 2.0, 0.5, true, false, true));
        assertArrayEquals(new int[] {0, 1, 2}, AlternatingMethod.allTasks(3));
    }

    @Test
    void aScheduleNeedsAtLeastOneRoundAndOneSamplePerStep() {
        assertEquals(1, new AlternatingSchedule(1, 1, 1, 0, 1, 1, 0, false, false, true).rounds());
        for (int[] counts : new int[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AlternatingSchedule(counts[0], counts[1], 1, 0, counts[2], 1, 0, false, false, true));
            assertEquals("rounds, headSamples and repSamples must be >= 1", e.getMessage());
        }
    }
}
