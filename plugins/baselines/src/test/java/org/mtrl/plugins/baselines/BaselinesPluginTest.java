package org.mtrl.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.mtrl.testkit.HandTraining;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitWorkers;
import org.mtrl.testkit.ReferenceModel;

/**
 * Each baseline, created through the plugin as a run creates it and trained on four threads, against the
 * same training computed by hand (the test kit's {@link HandTraining}) on a tiny problem (d=5, r=2, T=3,
 * m=3), to 1e-12, with the same samples drawn.
 */
class BaselinesPluginTest {
    private static final BaselinesPlugin PLUGIN = new BaselinesPlugin();
    private static final int[] TASKS = {0, 1, 2};

    private static KitProblem problem() {
        return KitProblem.gaussian(5, 2).taskCount(3).seed(23).build();
    }

    /** The kit's reference network of width 3 with the logistic loss, drawn from the init stream {@code seed}. */
    private static Model model(KitProblem problem, long seed) {
        return ReferenceModel.architecture(3, Losses.byName("logistic")).build(5, 3, problem.streams().stream("init", seed));
    }

    private static Optimizer optimizer(String type, Map<String, ?> values) {
        return KitComponents.create(KitComponents.factory(PLUGIN, ComponentKind.OPTIMIZER, type), values,
                KitWorkers.fourThreads());
    }

    private static TrainingResult train(String type, Map<String, ?> values, KitProblem problem, Model model) {
        Optimizer optimizer = optimizer(type, values);
        optimizer.check(problem.problem());
        return optimizer.train(model, problem.trainingContext(model, KitWorkers.fourThreads()));
    }

    @Test
    void namesItsThreeBaselines() {
        assertEquals("baselines", PLUGIN.name());
        assertEquals(List.of("single-task", "random-features", "oracle-subspace"),
                PLUGIN.factories().stream().map(ComponentFactory::type).toList());
    }

    @Test
    void singleTaskRunsTheAlternatingMethodOnOneTaskWithTheBudgetOfSeveral() {
        KitProblem problem = problem();
        Model model = model(problem, 1);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("single-task", Map.of("task", 1, "budgetTasks", 2, "rounds", 2, "headSamples", 4,
                "headStep", 0.8, "headDecay", 0.1, "repSamples", 5, "repStep", 0.7, "repDecay", 0.2, "trainBias", true),
                problem, model);

        int[] one = {1};
        for (int round = 1; round <= 2; round++) {
            hand.headStep(one, round, 8, 0.8, 0.1);
            hand.representationStep(one, round, 10, 0.7, 0.2, true);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
        assertEquals(List.of(1), result.trainedTasks());
    }

    @Test
    void singleTaskTakesTheWholeMultiTaskBudgetByDefaultAndThePapersRescaling() {
        KitProblem problem = problem();
        Model model = model(problem, 2);
        Arrays.fill(model.heads().data(), 0);
        HandTraining hand = new HandTraining(problem, model);

        train("single-task", Map.of("headSamples", 3, "repSamples", 4, "repStep", 0.5), problem, model);

        int[] first = {0};
        hand.headStep(first, 1, 9, 1, 0);
        double[] g = hand.representationGradient(first, "rep", 1, 12)[0];
        for (int i = 0; i < g.length; i++) {
            hand.firstLayer()[i] = -0.5 * g[i];
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void singleTaskRefusesATaskIndexBeyondTheTasks() {
        KitProblem problem = problem();
        Model model = model(problem, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train("single-task", Map.of("task", 3), problem, model));
        assertEquals("task=3 is not a task index: there are tasks.count=3 tasks (indices 0..2)", e.getMessage());
        Optimizer optimizer = optimizer("single-task", Map.of("task", 3));
        IllegalArgumentException unchecked = assertThrows(IllegalArgumentException.class,
                () -> optimizer.train(model, problem.trainingContext(model, KitWorkers.sameThread())),
                "train checks too");
        assertEquals(e.getMessage(), unchecked.getMessage());
    }

    @Test
    void randomFeaturesTrainOnlyTheHeadsOnTheInitialW() {
        KitProblem problem = problem();
        Model model = model(problem, 4);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("random-features", Map.of("rounds", 3, "headSamples", 6, "headStep", 0.9,
                "headDecay", 0.3), problem, model);

        for (int round = 1; round <= 3; round++) {
            hand.headStep(TASKS, round, 6, 0.9, 0.3);
        }
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
        assertEquals(List.of(0, 1, 2), result.trainedTasks());
    }

    @Test
    void randomFeaturesWithFixedSamplingReuseOneTrainingSet() {
        KitProblem problem = problem();
        Model model = model(problem, 5);
        HandTraining hand = new HandTraining(problem, model);

        train("random-features", Map.of("rounds", 2, "headSamples", 5, "sampling", "fixed"), problem, model);

        hand.headStep(TASKS, 0, 5, 1, 0);
        hand.headStep(TASKS, 0, 5, 1, 0);
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }

    @Test
    void theOracleProjectsWOntoTheTrueSubspaceThenTrainsOnlyTheHeads() {
        KitProblem problem = problem();
        Model model = model(problem, 6);
        HandTraining hand = new HandTraining(problem, model);

        train("oracle-subspace", Map.of("rounds", 2, "headSamples", 7, "headStep", 0.5), problem, model);

        double[] basis = problem.problem().groundTruth().basis().data(); // d x r
        int d = 5;
        int r = 2;
        double[] projected = new double[hand.firstLayer().length];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    double mmt = 0; // (M M^T)_{ki}
                    for (int c = 0; c < r; c++) {
                        mmt += basis[k * r + c] * basis[i * r + c];
                    }
                    projected[j * d + i] += hand.firstLayer()[j * d + k] * mmt;
                }
            }
        }
        System.arraycopy(projected, 0, hand.firstLayer(), 0, projected.length);
        hand.headStep(TASKS, 1, 7, 0.5, 0);
        hand.headStep(TASKS, 2, 7, 0.5, 0);
        hand.assertMatches(model);
        assertEquals(hand.samplesDrawn(), problem.samplesDrawn());
    }
}
