package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.AlternatingParameters;
import org.mtrl.api.training.AlternatingSchedule;
import org.mtrl.api.training.HeadStepParameters;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.testkit.HandTraining;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.ReferenceModel;

/**
 * The alternating method's rounds, on core's gradient engine, against the same rounds computed by hand
 * (the test kit's {@link HandTraining}) on a tiny problem (d=5, r=2, T=2, m=3), to 1e-12: signs, step
 * sizes, decays, biases, rounds, sampling, the samples drawn and the order of the two steps.
 */
class AlternatingMethodTest {
    private static final int[] TASKS = {0, 1};

    private static KitProblem problem() {
        return KitProblem.gaussian(5, 2).taskCount(2).seed(41).build();
    }

    /** The kit's reference network of width 3 with the logistic loss, drawn from the init stream {@code seed}. */
    private static Model model(KitProblem problem, long seed) {
        return ReferenceModel.architecture(3, Losses.byName("logistic")).build(5, 2, problem.streams().stream("init", seed));
    }

    private static Model zeroHeads(Model model) {
        Arrays.fill(model.heads().data(), 0);
        return model;
    }

    private static AlternatingSchedule schedule(int rounds, int n1, double etaA, double lambdaA, int n2, double etaW,
                                                Double lambdaW, boolean bias, String sampling) {
        return new AlternatingParameters(rounds, new HeadStepParameters(n1, etaA, lambdaA), n2, etaW, lambdaW, bias,
                sampling).schedule();
    }

    private static TrainingResult train(KitProblem problem, Model model, AlternatingSchedule schedule,
                                        AlternatingMethod.Order order, int threads) {
        try (PoolWorkers workers = new PoolWorkers(threads)) {
            return new AlternatingMethod(schedule, order).train(model,
                    problem.trainingContext(model, workers, GradientEngine.SERVICE), TASKS);
        }
    }

    @Test
    void oneRoundOfThePapersMethodIsAHeadStepThenWReplacedByMinusEtaTimesTheGradient() {
        KitProblem problem = problem();
        Model model = model(problem, 1);
        HandTraining hand = new HandTraining(problem, model);
        double[] w0 = model.firstLayer().data().clone();
        double etaW = 1.3;

        train(problem, model, schedule(1, 7, 0.7, 0.3, 9, etaW, null, false, "fresh"),
                AlternatingMethod.Order.HEADS_FIRST, 1);

        hand.headStep(TASKS, 1, 7, 0.7, 0.3);
        double[] g = hand.representationGradient(TASKS, "rep", 1, 9)[0];
        for (int i = 0; i < g.length; i++) {
            hand.firstLayer()[i] = -etaW * g[i]; // lambda_w = 1/eta_w: the initial W is forgotten
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
        assertNotEquals(w0[0], model.firstLayer().data()[0]);
    }

    @Test
    void severalRoundsWithDecaysBiasTrainingAndChunkedSamplesMatchTheHandComputation() {
        KitProblem problem = problem();
        Model model = model(problem, 2);
        HandTraining hand = new HandTraining(problem, model);
        int n1 = 600; // two chunks, the second partial

        train(problem, model, schedule(3, n1, 0.4, 0.5, 5, 0.8, 0.25, true, "fresh"),
                AlternatingMethod.Order.HEADS_FIRST, 2);

        for (int round = 1; round <= 3; round++) {
            hand.headStep(TASKS, round, n1, 0.4, 0.5);
            hand.representationStep(TASKS, round, 5, 0.8, 0.25, true);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void fixedSamplingUsesTheSameTrainingSetInEveryRound() {
        KitProblem problem = problem();
        Model model = model(problem, 3);
        HandTraining hand = new HandTraining(problem, model);

        train(problem, model, schedule(2, 6, 0.9, 0, 8, 0.6, 0.0, false, "fixed"),
                AlternatingMethod.Order.HEADS_FIRST, 1);

        for (int round = 1; round <= 2; round++) {
            hand.headStep(TASKS, 0, 6, 0.9, 0);
            hand.representationStep(TASKS, 0, 8, 0.6, 0, false);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void theSimultaneousOrderTakesBothGradientsBeforeEitherStep() {
        KitProblem problem = problem();
        Model model = model(problem, 4);
        HandTraining hand = new HandTraining(problem, model);

        List<?> history = train(problem, model, schedule(2, 7, 0.5, 0.1, 6, 0.9, 0.3, true, "fresh"),
                AlternatingMethod.Order.SIMULTANEOUS, 2).history();

        for (int round = 1; round <= 2; round++) {
            hand.simultaneousRound(TASKS, round, 7, 0.5, 0.1, 6, 0.9, 0.3, true);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
        assertEquals(2, history.size());
    }

    @Test
    void withoutTheRepresentationStepOnlyTheHeadsTrain() {
        KitProblem problem = problem();
        Model model = model(problem, 5);
        HandTraining hand = new HandTraining(problem, model);

        train(problem, model, schedule(2, 9, 1.1, 0.2, 4, 1, null, true, "fresh").headsOnly(),
                AlternatingMethod.Order.HEADS_FIRST, 1);

        hand.headStep(TASKS, 1, 9, 1.1, 0.2);
        hand.headStep(TASKS, 2, 9, 1.1, 0.2);
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void fromZeroHeadsTheSimultaneousRepresentationGradientIsExactlyZero() {
        KitProblem problem = problem();
        Model model = zeroHeads(model(problem, 6));
        TrainingResult result = train(problem, model, schedule(1, 7, 1, 0, 7, 1, null, false, "fresh"),
                AlternatingMethod.Order.SIMULTANEOUS, 1);
        assertEquals(0.0, result.history().get(0).values().get("first-layer-gradient-norm"));
        assertArrayEquals(new double[model.firstLayer().data().length], model.firstLayer().data(), 0.0,
                "W = -eta_w * 0: the paper's re-scaling leaves nothing of the init");
        Model headsFirst = zeroHeads(model(problem, 6));
        TrainingResult alternating = train(problem, headsFirst, schedule(1, 7, 1, 0, 7, 1, null, false, "fresh"),
                AlternatingMethod.Order.HEADS_FIRST, 1);
        assertNotEquals(0.0, alternating.history().get(0).values().get("first-layer-gradient-norm"));
    }

    @Test
    void eachRoundReportsItsLossesAndNorms() {
        KitProblem problem = problem();
        Model model = zeroHeads(model(problem, 7));
        TrainingResult result = train(problem, model, schedule(2, 5, 1, 0, 5, 1, null, false, "fresh"),
                AlternatingMethod.Order.HEADS_FIRST, 1);
        assertEquals(List.of("head-loss", "rep-loss", "first-layer-gradient-norm", "first-layer-norm"),
                List.copyOf(result.history().get(1).values().keySet()));
        assertEquals(Math.log(2), result.history().get(0).values().get("head-loss"), 1e-15, "zero heads: l(y, 0)");
        assertEquals(model.firstLayer().frobeniusNorm(), result.history().get(1).values().get("first-layer-norm"));
        assertEquals(List.of(0, 1), result.trainedTasks());
    }
}
