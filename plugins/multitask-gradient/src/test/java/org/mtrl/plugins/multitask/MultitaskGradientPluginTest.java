package org.mtrl.plugins.multitask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.training.AlternatingParameters;
import org.mtrl.api.training.HeadStepParameters;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.testing.HandTraining;
import org.mtrl.core.testing.PlainReluModel;
import org.mtrl.core.testing.PluginOptimizers;
import org.mtrl.core.testing.TinyProblem;

/**
 * The two optimizers, created through the plugin as a run creates them, against the same training
 * computed by hand ({@link HandTraining}) on a tiny problem (d=6, r=2, T=3, m=3), to 1e-12.
 */
class MultitaskGradientPluginTest {
    private static final int[] TASKS = {0, 1, 2};
    private static final MultitaskGradientPlugin PLUGIN = new MultitaskGradientPlugin();

    private static TinyProblem problem() {
        return new TinyProblem(6, 2, 3, 3, 17);
    }

    private static TrainingResult train(String type, String params, TinyProblem problem, PlainReluModel model) {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            return PluginOptimizers.create(PLUGIN, type, params, workers).train(model, problem.context(workers, model));
        }
    }

    @Test
    void namesItsTwoOptimizers() {
        assertEquals("multitask-gradient", PLUGIN.name());
        assertEquals(List.of("multitask-alternating", "joint-gradient"),
                PLUGIN.factories().stream().map(ComponentFactory::type).toList());
    }

    @Test
    void theAlternatingMethodTrainsEveryTaskHeadsFirstWithTheDefaultRescaling() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0.2, 1);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("multitask-alternating", "{\"rounds\": 2, \"headSamples\": 7, \"headStep\": 0.6,"
                + " \"headDecay\": 0.2, \"repSamples\": 8, \"repStep\": 1.5, \"trainBias\": true}", problem, model);

        for (int round = 1; round <= 2; round++) {
            hand.headStep(TASKS, round, 7, 0.6, 0.2);
            hand.representationStep(TASKS, round, 8, 1.5, 1 / 1.5, true);
        }
        hand.assertMatches(model);
        assertEquals(List.of(0, 1, 2), result.trainedTasks());
        assertEquals(2, result.history().size());
    }

    @Test
    void theDefaultsAreThePapersAndTheAblationSharesThem() {
        AlternatingParameters defaults = new AlternatingParameters(1, new HeadStepParameters(2000, 1, 0), 2000, 1, null,
                false, "fresh");
        assertEquals(defaults, PluginOptimizers.parameters(PLUGIN, "multitask-alternating", "{}"));
        assertEquals(new JointGradient.Parameters(0, defaults), PluginOptimizers.parameters(PLUGIN, "joint-gradient", "{}"));
    }

    @Test
    void theJointStepTakesBothGradientsAtTheDrawnHeadsAndAppliesTheSameUpdates() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0, 2);
        HandTraining hand = new HandTraining(problem, model);

        train("joint-gradient", "{\"headInit\": 0.3, \"rounds\": 2, \"headSamples\": 6, \"headStep\": 0.8,"
                + " \"headDecay\": 0.1, \"repSamples\": 5, \"repStep\": 0.7, \"repDecay\": 0.4, \"trainBias\": true}",
                problem, model);

        drawHeads(problem, hand, 0.3);
        for (int round = 1; round <= 2; round++) {
            hand.simultaneousRound(TASKS, round, 6, 0.8, 0.1, 5, 0.7, 0.4, true);
        }
        hand.assertMatches(model);
    }

    @Test
    void theJointStepFromSmallHeadsReplacesWByMinusTheStepTimesTheGradientLikeTheAlternatingMethod() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0, 3);
        HandTraining hand = new HandTraining(problem, model);

        train("joint-gradient", "{\"headInit\": 0.01, \"headSamples\": 9, \"repSamples\": 9, \"repStep\": 2}", problem,
                model);

        drawHeads(problem, hand, 0.01);
        double[] g = hand.representationGradient(TASKS, "rep", 1, 9)[0];
        hand.headStep(TASKS, 1, 9, 1, 0);
        for (int i = 0; i < g.length; i++) {
            hand.w[i] = -2 * g[i];
        }
        hand.assertMatches(model);
    }

    @Test
    void fromZeroHeadsTheJointStepGivesTheFirstLayerExactlyNoGradient() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0, 4);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("joint-gradient", "{\"headSamples\": 5, \"repSamples\": 5}", problem, model);

        assertEquals(0.0, result.history().get(0).values().get("first-layer-gradient-norm"));
        assertArrayEquals(new double[18], model.firstLayer().data(), 0.0, "W = -eta_w * 0");
        hand.headStep(TASKS, 1, 5, 1, 0);
        HandTraining.assertClose(hand.heads, model.heads().data(), "heads");
        assertTrue(model.heads().frobeniusNorm() > 0, "the heads still learn");
    }

    /** The heads joint-gradient draws: N(0, scale^2) from the training stream {@code head-init}. */
    private static void drawHeads(TinyProblem problem, HandTraining hand, double scale) {
        problem.streams().stream("head-init").nextGaussians(hand.heads, 0, hand.heads.length);
        for (int i = 0; i < hand.heads.length; i++) {
            hand.heads[i] *= scale;
        }
    }
}
