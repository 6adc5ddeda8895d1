package org.mtrl.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.testing.HandTraining;
import org.mtrl.core.testing.PlainReluModel;
import org.mtrl.core.testing.PluginOptimizers;
import org.mtrl.core.testing.TinyProblem;

/**
 * Each baseline, created through the plugin as a run creates it, against the same training computed by
 * hand ({@link HandTraining}) on a tiny problem (d=5, r=2, T=3, m=3), to 1e-12.
 */
class BaselinesPluginTest {
    private static final BaselinesPlugin PLUGIN = new BaselinesPlugin();
    private static final int[] TASKS = {0, 1, 2};

    private static TinyProblem problem() {
        return new TinyProblem(5, 2, 3, 3, 23);
    }

    private static TrainingResult train(String type, String params, TinyProblem problem, PlainReluModel model) {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            Optimizer optimizer = PluginOptimizers.create(PLUGIN, type, params, workers);
            optimizer.check(problem.problem());
            return optimizer.train(model, problem.context(workers, model));
        }
    }

    @Test
    void namesItsThreeBaselines() {
        assertEquals("baselines", PLUGIN.name());
        assertEquals(List.of("single-task", "random-features", "oracle-subspace"),
                PLUGIN.factories().stream().map(ComponentFactory::type).toList());
    }

    @Test
    void singleTaskRunsTheAlternatingMethodOnOneTaskWithTheBudgetOfSeveral() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0.2, 1);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("single-task", "{\"task\": 1, \"budgetTasks\": 2, \"rounds\": 2,"
                + " \"headSamples\": 4, \"headStep\": 0.8, \"headDecay\": 0.1, \"repSamples\": 5, \"repStep\": 0.7,"
                + " \"repDecay\": 0.2, \"trainBias\": true}", problem, model);

        int[] one = {1};
        for (int round = 1; round <= 2; round++) {
            hand.headStep(one, round, 8, 0.8, 0.1);
            hand.representationStep(one, round, 10, 0.7, 0.2, true);
        }
        hand.assertMatches(model);
        assertEquals(List.of(1), result.trainedTasks());
    }

    @Test
    void singleTaskTakesTheWholeMultiTaskBudgetByDefaultAndThePapersRescaling() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0, 2);
        HandTraining hand = new HandTraining(problem, model);

        train("single-task", "{\"headSamples\": 3, \"repSamples\": 4, \"repStep\": 0.5}", problem, model);

        int[] first = {0};
        hand.headStep(first, 1, 9, 1, 0);
        double[] g = hand.representationGradient(first, "rep", 1, 12)[0];
        for (int i = 0; i < g.length; i++) {
            hand.w[i] = -0.5 * g[i];
        }
        hand.assertMatches(model);
    }

    @Test
    void singleTaskRefusesATaskIndexBeyondTheTasks() {
        TinyProblem problem = problem();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train("single-task", "{\"task\": 3}", problem, problem.model(0, 3)));
        assertEquals("task=3 is not a task index: there are tasks.count=3 tasks (indices 0..2)", e.getMessage());
        try (PoolWorkers workers = new PoolWorkers(1)) {
            Optimizer optimizer = PluginOptimizers.create(PLUGIN, "single-task", "{\"task\": 3}", workers);
            IllegalArgumentException unchecked = assertThrows(IllegalArgumentException.class,
                    () -> {
                        PlainReluModel model = problem.model(0, 3);
                        optimizer.train(model, problem.context(workers, model));
                    }, "train checks too");
            assertEquals(e.getMessage(), unchecked.getMessage());
        }
    }

    @Test
    void randomFeaturesTrainOnlyTheHeadsOnTheInitialW() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0.1, 4);
        HandTraining hand = new HandTraining(problem, model);

        TrainingResult result = train("random-features", "{\"rounds\": 3, \"headSamples\": 6, \"headStep\": 0.9,"
                + " \"headDecay\": 0.3}", problem, model);

        for (int round = 1; round <= 3; round++) {
            hand.headStep(TASKS, round, 6, 0.9, 0.3);
        }
        hand.assertMatches(model);
        assertEquals(List.of(0, 1, 2), result.trainedTasks());
    }

    @Test
    void randomFeaturesWithFixedSamplingReuseOneTrainingSet() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0.1, 5);
        HandTraining hand = new HandTraining(problem, model);

        train("random-features", "{\"rounds\": 2, \"headSamples\": 5, \"sampling\": \"fixed\"}", problem, model);

        hand.headStep(TASKS, 0, 5, 1, 0);
        hand.headStep(TASKS, 0, 5, 1, 0);
        hand.assertMatches(model);
    }

    @Test
    void theOracleProjectsWOntoTheTrueSubspaceThenTrainsOnlyTheHeads() {
        TinyProblem problem = problem();
        PlainReluModel model = problem.model(0.1, 6);
        HandTraining hand = new HandTraining(problem, model);

        train("oracle-subspace", "{\"rounds\": 2, \"headSamples\": 7, \"headStep\": 0.5}", problem, model);

        double[] basis = problem.problem().groundTruth().basis().data(); // d x r
        int d = 5;
        int r = 2;
        double[] projected = new double[hand.w.length];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    double mmt = 0; // (M M^T)_{ki}
                    for (int c = 0; c < r; c++) {
                        mmt += basis[k * r + c] * basis[i * r + c];
                    }
                    projected[j * d + i] += hand.w[j * d + k] * mmt;
                }
            }
        }
        System.arraycopy(projected, 0, hand.w, 0, projected.length);
        hand.headStep(TASKS, 1, 7, 0.5, 0);
        hand.headStep(TASKS, 2, 7, 0.5, 0);
        hand.assertMatches(model);
    }
}
