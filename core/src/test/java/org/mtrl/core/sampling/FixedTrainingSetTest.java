package org.mtrl.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.training.GradientEngine;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.ReferenceModel;

/**
 * A fixed training set (round 0) must be the same inputs x every round, which projected sampling
 * cannot give (Q changes with W): its gradients are drawn directly even when the run projects.
 */
class FixedTrainingSetTest {

    @Test
    void aFixedTrainingSetIsDrawnDirectlyUnderProjectedSampling() {
        KitProblem tiny = KitProblem.gaussian(40, 2).taskCount(3).seed(7).build();
        Model model = ReferenceModel.architecture(5, Losses.byName("logistic")).build(40, 3, tiny.streams().stream("init"));
        int[] tasks = {0, 1, 2};
        SamplePlan fixed = new SamplePlan("rep", 0, 600);
        try (PoolWorkers workers = new PoolWorkers(2)) {
            TrainingContext context = tiny.trainingContext(model, workers, GradientEngine.SERVICE);
            GradientEngine direct = new GradientEngine(model, context);
            GradientEngine projected = new GradientEngine(model, context,
                    new ProjectedSampling(tiny.problem(), workers));
            assertArrayEquals(direct.sharedGradient(tasks, fixed, true).firstLayer(),
                    projected.sharedGradient(tasks, fixed, true).firstLayer());
            assertArrayEquals(direct.headGradients(tasks, fixed).gradients()[1],
                    projected.headGradients(tasks, fixed).gradients()[1]);
        }
    }
}
