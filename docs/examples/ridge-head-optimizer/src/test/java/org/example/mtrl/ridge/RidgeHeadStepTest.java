package org.example.mtrl.ridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.AlternatingParameters;
import org.mtrl.api.training.HeadStepParameters;
import org.mtrl.api.training.Round;
import org.mtrl.testkit.HandTraining;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitWorkers;
import org.mtrl.testkit.ReferenceModel;

class RidgeHeadStepTest {
    private static final int D = 10;
    private static final int R = 2;
    private static final int T = 8;
    private static final int WIDTH = 12;

    /** The fitted head solves the normal equations, checked with plain loops on the same samples. */
    @Test
    void theHeadSolvesTheRidgeNormalEquations() {
        KitProblem kit = KitProblem.gaussian(D, R).taskCount(T).seed(3).build();
        Model model = model(kit);
        TrainingContext context = kit.trainingContext(model, KitWorkers.sameThread());
        RidgeHeadStep step = new RidgeHeadStep(new AlternatingParameters(1, new HeadStepParameters(300, 1, 0), 300, 1,
                null, false, "fresh"), 0.05);
        step.prepare(new Round(1, 1, new int[] {2}, model, context.gradients(model), context, new LinkedHashMap<>()))
                .apply();
        Batch batch = new Batch(D, R, 300);
        kit.problem().samples().draw(kit.problem().tasks().get(2), context.streams().stream("ridge", 1, 2), batch, 300);
        double[] phi = new double[300 * WIDTH];
        model.features(batch.x(), 300, phi);
        double[] a = model.heads().row(2);
        for (int i = 0; i < WIDTH; i++) {
            double lhs = 0.05 * a[i];
            double rhs = 0;
            for (int k = 0; k < 300; k++) {
                rhs += phi[k * WIDTH + i] * batch.y()[k] / 300;
                for (int j = 0; j < WIDTH; j++) {
                    lhs += phi[k * WIDTH + i] * phi[k * WIDTH + j] * a[j] / 300;
                }
            }
            assertEquals(rhs, lhs, 1e-10, "row " + i + " of the normal equations");
        }
    }

    /** One round moves W's energy into span(M), well beyond the r/d of a random start (seeded, d=10, r=2). */
    @Test
    void oneRoundRecoversTheSubspaceBetterThanTheStart() {
        KitProblem kit = KitProblem.gaussian(D, R).taskCount(T).seed(7).build();
        Model model = model(kit);
        double before = energyInside(model, kit);
        Optimizer optimizer = KitComponents.create(factory(), Map.of("headSamples", 2000, "repSamples", 2000));
        optimizer.train(model, kit.trainingContext(model, KitWorkers.sameThread()));
        double after = energyInside(model, kit);
        assertTrue(before < 0.4 && after > 0.8, "energy of W in span(M): " + before + " at the start, " + after + " after");
    }

    /** At the fitted heads, the representation step is the paper's, W = -eta_w g, as the kit's hand reference computes it. */
    @Test
    void theRepresentationStepMatchesTheHandComputationAtTheFittedHeads() {
        KitProblem kit = KitProblem.gaussian(D, R).taskCount(T).seed(5).build();
        Model model = model(kit);
        HandTraining hand = new HandTraining(kit, model);
        Optimizer optimizer = KitComponents.create(factory(), Map.of("headSamples", 50, "repSamples", 40, "repStep", 0.5));
        optimizer.train(model, kit.trainingContext(model, KitWorkers.fourThreads()));

        System.arraycopy(model.heads().data(), 0, hand.heads(), 0, T * WIDTH); // the fit, pinned above
        hand.representationStep(AlternatingMethod.allTasks(T), 1, 40, 0.5, 1 / 0.5, false);
        hand.assertMatches(model);
        assertEquals(T * 50 + hand.samplesDrawn(), kit.samplesDrawn(), "the fits' samples, then the step's");
    }

    private static ComponentFactory<?, Optimizer> factory() {
        return KitComponents.factory(new RidgeHeadPlugin(), ComponentKind.OPTIMIZER, "ridge-alternating");
    }

    private static Model model(KitProblem kit) {
        return ReferenceModel.architecture(WIDTH, Losses.byName("logistic")).build(D, T, kit.streams().stream("init"));
    }

    /** ||W M||_F^2 / ||W||_F^2: 1 when every row of W lies in span(M). */
    private static double energyInside(Model model, KitProblem kit) {
        double inside = 0;
        for (int j = 0; j < WIDTH; j++) {
            for (int c = 0; c < R; c++) {
                double dot = 0;
                for (int i = 0; i < D; i++) {
                    dot += model.firstLayer().get(j, i) * kit.problem().groundTruth().basis().get(i, c);
                }
                inside += dot * dot;
            }
        }
        return inside / Math.pow(model.firstLayer().frobeniusNorm(), 2);
    }
}
