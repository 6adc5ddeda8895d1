package org.mtrl.plugins.multitask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.training.AlternatingParameters;
import org.mtrl.api.training.HeadStepParameters;
import org.mtrl.testkit.HandTraining;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitWorkers;
import org.mtrl.testkit.ReferenceModel;

/**
 * The two optimizers, created through the plugin as a run creates them and trained on four threads,
 * against the same training computed by hand (the test kit's {@link HandTraining}) on a tiny problem
 * (d=6, r=2, T=3, m=3), to 1e-12, with the same samples drawn.
 */
class MultitaskGradientPluginTest {
    private static final int[] TASKS = {0, 1, 2};
    private static final MultitaskGradientPlugin PLUGIN = new MultitaskGradientPlugin();

    private static KitProblem problem() {
        return KitProblem.gaussian(6, 2).taskCount(3).seed(17).build();
    }

    /** The kit's reference network of width 3 with the logistic loss, drawn from the init stream {@code seed}. */
    private static Model model(KitProblem problem, long seed) {
        return ReferenceModel.architecture(3, Losses.byName("logistic")).build(6, 3, problem.streams().stream("init", seed));
    }

    private static TrainingResult train(String type, Map<String, ?> values, KitProblem problem, Model model) {
        Optimizer optimizer = KitComponents.create(KitComponents.factory(PLUGIN, ComponentKind.OPTIMIZER, type), values,
                KitWorkers.fourThreads());
        return optimizer.train(model, problem.trainingContext(model, KitWorkers.fourThreads()));
    }

    @Test
    void namesItsTwoOptimizers() {
        assertEquals("multitask-gradient", PLUGIN.name());
        assertEquals(List.of("multitask-alternating", "joint-gradient"),
                PLUGIN.factories().stream().map(ComponentFactory::type).toList());
    }

    @Test
    void theAlternatingMethodTrainsEveryTaskHeadsFirstWithTheDefaultRescaling() {
        KitProblem problem = problem();
        Model model = model(problem, 1);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("multitask-alternating", Map.of("rounds", 2, "headSamples", 7, "headStep", 0.6,
                "headDecay", 0.2, "repSamples", 8, "repStep", 1.5, "trainBias", true), problem, model);

        for (int round = 1; round <= 2; round++) {
            hand.headStep(TASKS, round, 7, 0.6, 0.2);
            hand.representationStep(TASKS, round, 8, 1.5, 1 / 1.5, true);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
        assertEquals(List.of(0, 1, 2), result.trainedTasks());
        assertEquals(2, result.history().size());
    }

    @Test
    void theDefaultsAreThePapersAndTheAblationSharesThem() {
        AlternatingParameters defaults = new AlternatingParameters(1, new HeadStepParameters(2000, 1, 0), 2000, 1, null,
                false, "fresh");
        assertEquals(defaults, KitComponents.parameters(
                KitComponents.factory(PLUGIN, ComponentKind.OPTIMIZER, "multitask-alternating"), Map.of()));
        assertEquals(new JointGradient.Parameters(0, defaults), KitComponents.parameters(
                KitComponents.factory(PLUGIN, ComponentKind.OPTIMIZER, "joint-gradient"), Map.of()));
    }

    @Test
    void theJointStepTakesBothGradientsAtTheDrawnHeadsAndAppliesTheSameUpdates() {
        KitProblem problem = problem();
        Model model = model(problem, 2); // joint-gradient replaces its heads
        HandTraining hand = new HandTraining(problem, model);

        train("joint-gradient", Map.of("headInit", 0.3, "rounds", 2, "headSamples", 6, "headStep", 0.8,
                "headDecay", 0.1, "repSamples", 5, "repStep", 0.7, "repDecay", 0.4, "trainBias", true), problem, model);

        drawHeads(problem, hand, 0.3);
        for (int round = 1; round <= 2; round++) {
            hand.simultaneousRound(TASKS, round, 6, 0.8, 0.1, 5, 0.7, 0.4, true);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void theJointStepFromSmallHeadsReplacesWByMinusTheStepTimesTheGradientLikeTheAlternatingMethod() {
        KitProblem problem = problem();
        Model model = model(problem, 3); // joint-gradient replaces its heads
        HandTraining hand = new HandTraining(problem, model);

        train("joint-gradient", Map.of("headInit", 0.01, "headSamples", 9, "repSamples", 9, "repStep", 2.0), problem,
                model);

        drawHeads(problem, hand, 0.01);
        double[] g = hand.representationGradient(TASKS, "rep", 1, 9)[0];
        hand.headStep(TASKS, 1, 9, 1, 0);
        for (int i = 0; i < g.length; i++) {
            hand.firstLayer()[i] = -2 * g[i];
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void fromZeroHeadsTheJointStepGivesTheFirstLayerExactlyNoGradient() {
        KitProblem problem = problem();
        Model model = model(problem, 4);
        Arrays.fill(model.heads().data(), 0);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("joint-gradient", Map.of("headSamples", 5, "repSamples", 5), problem, model);

        assertEquals(0.0, result.history().get(0).values().get("first-layer-gradient-norm"));
        assertArrayEquals(new double[18], model.firstLayer().data(), 0.0, "W = -eta_w * 0");
        hand.headStep(TASKS, 1, 5, 1, 0);
        HandTraining.assertClose(hand.heads(), model.heads().data(), "heads");
        assertTrue(model.heads().frobeniusNorm() > 0, "the heads still learn");
    }

    /** The heads joint-gradient draws: N(0, scale^2) from the training stream {@code head-init}. */
    private static void drawHeads(KitProblem problem, HandTraining hand, double scale) {
        double[] heads = hand.heads();
        problem.trainingStreams().stream("head-init").nextGaussians(heads, 0, heads.length);
        for (int i = 0; i < heads.length; i++) {
            heads[i] *= scale;
        }
    }
}
