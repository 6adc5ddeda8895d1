package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.training.Gradients;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;

/** The kit's gradients against plain loops over the same samples, on 1 and 4 threads. */
class KitGradientsTest {
    private static final int SAMPLES = 700; // two chunks, the second partial

    @Test
    void headGradientsAreTheMeanOfLossDerivativeTimesFeaturesOverThePlansSamples() {
        KitProblem kit = KitProblem.gaussian(6, 2).taskCount(3).seed(4).build();
        Model model = ReferenceModel.architecture(5, Losses.byName("logistic")).build(6, 3, kit.streams().stream("init"));
        TrainingContext context = kit.trainingContext(model, KitWorkers.sameThread());
        HeadGradients heads = context.gradients(model).headGradients(new int[] {0, 2}, new SamplePlan("head", 3, SAMPLES));
        assertEquals(2 * SAMPLES, kit.samplesDrawn());
        for (int i = 0; i < 2; i++) {
            int task = i * 2;
            double[] expected = new double[5];
            double loss = 0;
            for (int chunk = 0; chunk < 2; chunk++) {
                Batch batch = draw(kit.problem(), context, task, chunk);
                double[] features = new double[batch.size() * 5];
                model.features(batch.x(), batch.size(), features);
                for (int k = 0; k < batch.size(); k++) {
                    double f = 0;
                    for (int j = 0; j < 5; j++) {
                        f += model.heads().get(task, j) * features[k * 5 + j];
                    }
                    loss += model.loss().value(batch.y()[k], f) / SAMPLES;
                    for (int j = 0; j < 5; j++) {
                        expected[j] += model.loss().derivative(batch.y()[k], f) * features[k * 5 + j] / SAMPLES;
                    }
                }
            }
            assertArrayEquals(expected, heads.gradients()[i], 1e-12);
            assertEquals(loss, heads.losses()[i], 1e-12);
        }
    }

    @Test
    void theSharedGradientIsTheTaskAverageAndHasTheSameBitsOnFourThreads() {
        double[][] one = shared(KitWorkers.sameThread());
        double[][] four = shared(KitWorkers.fourThreads());
        assertArrayEquals(one[0], four[0]);
        assertArrayEquals(one[1], four[1]);
        double[][] byTask = new double[2][];
        for (int t = 0; t < 2; t++) {
            byTask[t] = sharedOf(new int[] {t}, KitWorkers.sameThread()).firstLayer();
        }
        for (int i = 0; i < one[0].length; i++) {
            assertEquals((byTask[0][i] + byTask[1][i]) / 2, one[0][i], 1e-12);
        }
    }

    @Test
    void theSharedBiasGradientAndLossAreTaskAveragesAndTheBiasIsLeftOutWhenNotAsked() {
        SharedGradient both = sharedOf(new int[] {0, 1}, KitWorkers.sameThread());
        SharedGradient first = sharedOf(new int[] {0}, KitWorkers.sameThread());
        SharedGradient second = sharedOf(new int[] {1}, KitWorkers.sameThread());
        assertEquals(4 * 6, both.firstLayer().length);
        assertTrue(Arrays.stream(both.firstLayer()).allMatch(g -> g != 0), "every unit is active on some sample");
        assertTrue(Arrays.stream(both.bias()).allMatch(g -> g != 0));
        for (int j = 0; j < 4; j++) {
            assertEquals((first.bias()[j] + second.bias()[j]) / 2, both.bias()[j], 1e-12);
        }
        assertEquals((first.meanLoss() + second.meanLoss()) / 2, both.meanLoss(), 1e-12);
        assertTrue(first.meanLoss() > 0 && second.meanLoss() != first.meanLoss());
        KitProblem kit = KitProblem.gaussian(6, 2).taskCount(2).seed(5).build();
        Model model = ReferenceModel.architecture(4, Losses.byName("squared")).build(6, 2, kit.streams().stream("init"));
        SharedGradient noBias = kit.trainingContext(model, KitWorkers.sameThread()).gradients(model)
                .sharedGradient(new int[] {0, 1}, new SamplePlan("rep", 1, SAMPLES), false);
        assertNull(noBias.bias());
        assertArrayEquals(both.firstLayer(), noBias.firstLayer());
    }

    private static double[][] shared(KitWorkers workers) {
        SharedGradient g = sharedOf(new int[] {0, 1}, workers);
        return new double[][] {g.firstLayer(), g.bias()};
    }

    private static SharedGradient sharedOf(int[] tasks, KitWorkers workers) {
        KitProblem kit = KitProblem.gaussian(6, 2).taskCount(2).seed(5).build();
        Model model = ReferenceModel.architecture(4, Losses.byName("squared")).build(6, 2, kit.streams().stream("init"));
        Gradients gradients = kit.trainingContext(model, workers).gradients(model);
        return gradients.sharedGradient(tasks, new SamplePlan("rep", 1, SAMPLES), true);
    }

    /** The samples of (task, chunk) as the plan names them: stream (purpose, round, task, chunk). */
    private static Batch draw(Problem problem, TrainingContext context, int task, int chunk) {
        SamplePlan plan = new SamplePlan("head", 3, SAMPLES);
        Batch batch = new Batch(6, 2, plan.chunkSize(chunk));
        problem.samples().draw(problem.tasks().get(task), context.streams().stream("head", 3, task, chunk), batch,
                plan.chunkSize(chunk));
        return batch;
    }
}
