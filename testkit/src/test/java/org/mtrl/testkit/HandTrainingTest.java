package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;

/**
 * The hand reference against an independent computation on a tiny case (d=3, r=1, T=2, m=2): its
 * gradients are central finite differences of the mean loss written out here, its steps are
 * p &lt;- (1 - eta lambda) p - eta g, and its samples are those the kit's training draws.
 */
class HandTrainingTest {
    private static final int D = 3;
    private static final int M = 2;
    private static final double H = 1e-6;
    private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-8;

    private static KitProblem kit() {
        return KitProblem.gaussian(D, 1).taskCount(2).seed(5).build();
    }

    private static Model model(KitProblem kit) {
        return ReferenceModel.architecture(M, Losses.byName("logistic")).build(D, 2, kit.streams().stream("init"));
    }

    @Test
    void theHeadGradientIsTheFiniteDifferenceOfTheTasksMeanLoss() {
        KitProblem kit = kit();
        Model model = model(kit);
        HandTraining hand = new HandTraining(kit, model);
        Batch batch = kit.trainingSamples("head", 2, 1, 3);
        double[] expected = finiteDifferences(hand.heads(), () -> meanLoss(hand, 1, batch));
        double[] gradient = hand.headGradient(1, "head", 2, 3);
        assertArrayEquals(new double[] {expected[2], expected[3]}, gradient, FINITE_DIFFERENCE_TOLERANCE);
        assertEquals(0, expected[0], 0.0, "task 0's head does not enter task 1's loss");
    }

    @Test
    void theRepresentationGradientIsTheFiniteDifferenceOfTheTaskAverageOfMeanLosses() {
        KitProblem kit = kit();
        HandTraining hand = new HandTraining(kit, model(kit));
        Batch first = kit.trainingSamples("rep", 1, 0, 4);
        Batch second = kit.trainingSamples("rep", 1, 1, 4);
        DoubleSupplier average = () -> (meanLoss(hand, 0, first) + meanLoss(hand, 1, second)) / 2;
        double[] w = finiteDifferences(hand.firstLayer(), average);
        double[] b = finiteDifferences(hand.bias(), average);
        double[][] gradient = hand.representationGradient(new int[] {0, 1}, "rep", 1, 4);
        assertArrayEquals(w, gradient[0], FINITE_DIFFERENCE_TOLERANCE);
        assertArrayEquals(b, gradient[1], FINITE_DIFFERENCE_TOLERANCE);
    }

    @Test
    void theStepsMoveEachParameterByMinusTheStepTimesTheGradientAfterTheDecay() {
        KitProblem kit = kit();
        HandTraining hand = new HandTraining(kit, model(kit));
        double[] heads = hand.heads().clone();
        double[] head0 = hand.headGradient(0, "head", 3, 5);
        double[] head1 = hand.headGradient(1, "head", 3, 5);
        hand.headStep(new int[] {0, 1}, 3, 5, 0.5, 0.2);
        double[] stepped = {0.9 * heads[0] - 0.5 * head0[0], 0.9 * heads[1] - 0.5 * head0[1],
            0.9 * heads[2] - 0.5 * head1[0], 0.9 * heads[3] - 0.5 * head1[1]};
        assertArrayEquals(stepped, hand.heads(), 1e-15);

        double[] w = hand.firstLayer().clone();
        double[] b = hand.bias().clone();
        double[][] g = hand.representationGradient(new int[] {0, 1}, "rep", 3, 5);
        hand.representationStep(new int[] {0, 1}, 3, 5, 2, 0.25, false);
        for (int i = 0; i < w.length; i++) {
            assertEquals(0.5 * w[i] - 2 * g[0][i], hand.firstLayer()[i], 1e-15, "W[" + i + "]");
        }
        assertArrayEquals(b, hand.bias(), 0.0, "b stays without bias training");
        double[] gb = hand.representationGradient(new int[] {0, 1}, "rep", 4, 5)[1];
        hand.representationStep(new int[] {0, 1}, 4, 5, 1, 0, true);
        for (int j = 0; j < b.length; j++) {
            assertEquals(b[j] - gb[j], hand.bias()[j], 1e-15, "b moves with bias training");
        }
        assertEquals(6 * 2 * 5, hand.samplesDrawn(), "six times 5 samples of 2 tasks: every sample the hand used");
    }

    @Test
    void theSimultaneousRoundTakesBothGradientsAtTheRoundsStart() {
        KitProblem kit = kit();
        HandTraining byRound = new HandTraining(kit, model(kit));
        HandTraining byParts = new HandTraining(kit, model(kit));
        int[] tasks = {0, 1};
        byRound.simultaneousRound(tasks, 1, 4, 0.7, 0.1, 6, 0.3, 0.2, true);

        double[][] representation = byParts.representationGradient(tasks, "rep", 1, 6);
        byParts.headStep(tasks, 1, 4, 0.7, 0.1);
        byParts.applyRepresentation(representation, 0.3, 0.2, true);
        assertArrayEquals(byParts.heads(), byRound.heads(), 0.0);
        assertArrayEquals(byParts.firstLayer(), byRound.firstLayer(), 0.0);
        assertArrayEquals(byParts.bias(), byRound.bias(), 0.0);
    }

    @Test
    void itReadsTheSamplesTheKitsTrainingDrawsChunkByChunkWithoutChargingThem() {
        KitProblem kit = kit();
        Model model = model(kit);
        HandTraining hand = new HandTraining(kit, model);
        int n = SamplePlan.CHUNK + 188; // two chunks, the second partial
        HeadGradients trained = kit.trainingContext(model, KitWorkers.fourThreads()).gradients(model)
                .headGradients(new int[] {1}, new SamplePlan("head", 2, n));
        assertEquals(n, kit.samplesDrawn());
        HandTraining.assertClose(hand.headGradient(1, "head", 2, n), trained.gradients()[0], "head gradient");
        assertEquals(n, kit.samplesDrawn(), "the hand's samples are not charged to the problem");
        assertEquals(n, hand.samplesDrawn());
    }

    @Test
    void assertMatchesPassesWithinTheToleranceAndNamesTheFirstEntryBeyondIt() {
        KitProblem kit = kit();
        Model model = model(kit);
        HandTraining hand = new HandTraining(kit, model);
        hand.assertMatches(model);
        hand.bias()[1] += HandTraining.TOLERANCE / 2;
        hand.assertMatches(model);
        hand.bias()[1] += HandTraining.TOLERANCE;
        assertEquals("b[1]", assertThrows(AssertionError.class, () -> hand.assertMatches(model)).getMessage()
                .substring(0, 4));
        hand.bias()[1] = model.bias()[1];
        hand.heads()[3] += 2 * HandTraining.TOLERANCE;
        AssertionError heads = assertThrows(AssertionError.class, () -> hand.assertMatches(model));
        assertEquals("heads[3] is " + model.heads().data()[3] + ", the hand computation gives " + hand.heads()[3]
                + " (tolerance 1.0E-12)", heads.getMessage());
        hand.firstLayer()[0] = Double.NaN;
        AssertionError nan = assertThrows(AssertionError.class, () -> hand.assertMatches(model));
        assertEquals("W[0]", nan.getMessage().substring(0, 4));
        AssertionError length = assertThrows(AssertionError.class,
                () -> HandTraining.assertClose(new double[2], new double[3], "b"));
        assertEquals("b has 3 entries, expected 2", length.getMessage());
    }

    /** (1/n) sum_s l(y_s, f(x_s)) with f(x) = sum_j a_{t,j} relu(w_j . x + b_j), at the hand's parameters. */
    private static double meanLoss(HandTraining hand, int task, Batch batch) {
        double sum = 0;
        for (int s = 0; s < batch.size(); s++) {
            double f = 0;
            for (int j = 0; j < M; j++) {
                double pre = hand.bias()[j];
                for (int i = 0; i < D; i++) {
                    pre += hand.firstLayer()[j * D + i] * batch.x()[s * D + i];
                }
                f += hand.heads()[task * M + j] * Math.max(0, pre);
            }
            sum += Math.log1p(Math.exp(-batch.y()[s] * f));
        }
        return sum / batch.size();
    }

    /** Central differences of {@code loss} in each entry of {@code parameters} (restored after). */
    private static double[] finiteDifferences(double[] parameters, DoubleSupplier loss) {
        double[] gradient = new double[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            double p = parameters[i];
            parameters[i] = p + H;
            double up = loss.getAsDouble();
            parameters[i] = p - H;
            double down = loss.getAsDouble();
            parameters[i] = p;
            gradient[i] = (up - down) / (2 * H);
        }
        return gradient;
    }
}
