package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;

class GradientTest {
    private static final int D = 7;
    private static final int M = 6;
    private static final int TASKS = 3;
    private static final int N = 10;
    private static final int TASK = 1;
    /**
     * No pre-activation and no hinge margin lies this close to its kink; a perturbation of 2 STEP moves them
     * by 2 STEP times an input, activation or head entry (all below 5 here), so none crosses a kink.
     */
    private static final double KINK_MARGIN = 2e-3;
    private static final double STEP = 1e-4;
    private static final EnumSet<GradientPart> ALL = EnumSet.allOf(GradientPart.class);

    /** A model with non-zero heads and a batch on which no unit and no hinge sits within 1e-3 of its kink. */
    private record Setup(TwoLayerReluModel model, Batch batch) {
    }

    private static Setup clearOfKinks(String loss) {
        for (long seed = 1; seed <= 200; seed++) {
            TwoLayerReluModel model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 0.5, 0.7, loss), seed);
            Batch batch = Fixtures.randomBatch(D, N, Fixtures.stream(1000 + seed));
            if (isClearOfKinks(model, batch)) {
                return new Setup(model, batch);
            }
        }
        return fail("no seed in 1..200 gives a batch clear of kinks");
    }

    private static boolean isClearOfKinks(TwoLayerReluModel model, Batch batch) {
        boolean someHingeActive = false;
        for (int s = 0; s < batch.size(); s++) {
            for (int j = 0; j < model.width(); j++) {
                if (Math.abs(Fixtures.naivePreActivation(model, batch, s, j)) < KINK_MARGIN) {
                    return false;
                }
            }
            double margin = batch.y()[s] * Fixtures.naiveOutput(model, TASK, batch, s);
            if (Math.abs(1 - margin) < KINK_MARGIN) {
                return false;
            }
            someHingeActive |= margin < 1;
        }
        return someHingeActive;
    }

    private static double summedLoss(TwoLayerReluModel model, Batch batch) {
        return model.newAccumulator(EnumSet.noneOf(GradientPart.class)).add(TASK, batch, 1);
    }

    /**
     * Checks every coordinate of {@code analytic} against the five-point central difference of the summed
     * loss in {@code params[offset..]} (truncation error O(STEP^4), rounding error about 1e-11 here).
     */
    private static void checkAgainstDifferences(TwoLayerReluModel model, Batch batch, double[] params, int offset,
                                                double[] analytic, String part) {
        for (int i = 0; i < analytic.length; i++) {
            double saved = params[offset + i];
            double numeric = (8 * lossAt(model, batch, params, offset + i, saved + STEP)
                    - 8 * lossAt(model, batch, params, offset + i, saved - STEP)
                    - lossAt(model, batch, params, offset + i, saved + 2 * STEP)
                    + lossAt(model, batch, params, offset + i, saved - 2 * STEP)) / (12 * STEP);
            params[offset + i] = saved;
            double denominator = Math.max(Math.max(Math.abs(analytic[i]), Math.abs(numeric)), 1e-8);
            double relative = Math.abs(analytic[i] - numeric) / denominator;
            assertTrue(relative < 1e-6,
                    part + "[" + i + "]: analytic " + analytic[i] + ", numeric " + numeric + ", relative error " + relative);
        }
    }

    private static double lossAt(TwoLayerReluModel model, Batch batch, double[] params, int index, double value) {
        params[index] = value;
        return summedLoss(model, batch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void gradientsMatchCentralDifferences(String loss) {
        Setup setup = clearOfKinks(loss);
        TwoLayerReluModel model = setup.model();
        GradientAccumulator accumulator = model.newAccumulator(ALL);
        accumulator.add(TASK, setup.batch(), 1);

        double[] head = accumulator.head();
        double[] firstLayer = accumulator.firstLayer();
        double[] bias = accumulator.bias();
        assertTrue(norm(head) > 1e-3 && norm(firstLayer) > 1e-3 && norm(bias) > 1e-3, "gradients must not vanish");

        checkAgainstDifferences(model, setup.batch(), model.heads().data(), TASK * M, head, "head");
        checkAgainstDifferences(model, setup.batch(), model.firstLayer().data(), 0, firstLayer, "firstLayer");
        checkAgainstDifferences(model, setup.batch(), model.bias(), 0, bias, "bias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void returnedLossIsTheSummedLossOfTheTask(String loss) {
        Setup setup = clearOfKinks(loss);
        double expected = 0;
        for (int s = 0; s < N; s++) {
            double f = Fixtures.naiveOutput(setup.model(), TASK, setup.batch(), s);
            expected += setup.model().loss().value(setup.batch().y()[s], f);
        }
        assertEquals(expected, summedLoss(setup.model(), setup.batch()), 1e-12 * Math.max(1, expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void scaleMultipliesGradientsButNotTheLoss(String loss) {
        Setup setup = clearOfKinks(loss);
        GradientAccumulator unit = setup.model().newAccumulator(ALL);
        GradientAccumulator scaled = setup.model().newAccumulator(ALL);
        double unitLoss = unit.add(TASK, setup.batch(), 1);
        double scaledLoss = scaled.add(TASK, setup.batch(), -2.5);
        assertEquals(unitLoss, scaledLoss, 0.0);
        assertScaled(unit.head(), scaled.head(), -2.5);
        assertScaled(unit.firstLayer(), scaled.firstLayer(), -2.5);
        assertScaled(unit.bias(), scaled.bias(), -2.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void twoBatchesAccumulateLikeOneBatchOfBoth(String loss) {
        TwoLayerReluModel model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 0.5, 0.7, loss), 3);
        Batch first = Fixtures.randomBatch(D, 6, Fixtures.stream(11));
        Batch second = Fixtures.randomBatch(D, 4, Fixtures.stream(12));
        GradientAccumulator separately = model.newAccumulator(ALL);
        double lossSeparately = separately.add(TASK, first, 0.3) + separately.add(TASK, second, 0.3);
        GradientAccumulator together = model.newAccumulator(ALL);
        double lossTogether = together.add(TASK, Fixtures.concat(first, second), 0.3);
        assertEquals(lossTogether, lossSeparately, 1e-12 * Math.max(1, lossTogether));
        assertScaled(together.head(), separately.head(), 1);
        assertScaled(together.firstLayer(), separately.firstLayer(), 1);
        assertScaled(together.bias(), separately.bias(), 1);
    }

    @Test
    void resetZeroesAndStartsAfresh() {
        TwoLayerReluModel model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 0.5, 0.7, "logistic"), 4);
        Batch first = Fixtures.randomBatch(D, 6, Fixtures.stream(21));
        Batch second = Fixtures.randomBatch(D, 5, Fixtures.stream(22));
        GradientAccumulator reused = model.newAccumulator(ALL);
        reused.add(0, first, 1);
        assertTrue(norm(reused.firstLayer()) > 0);
        reused.reset();
        for (double[] gradient : new double[][] {reused.head(), reused.firstLayer(), reused.bias()}) {
            for (double v : gradient) {
                assertEquals(0.0, v);
            }
        }
        reused.add(2, second, 1);
        GradientAccumulator fresh = model.newAccumulator(ALL);
        fresh.add(2, second, 1);
        assertScaled(fresh.head(), reused.head(), 1);
        assertScaled(fresh.firstLayer(), reused.firstLayer(), 1);
        assertScaled(fresh.bias(), reused.bias(), 1);
    }

    /** The paper's claim 4: with the heads at zero the first layer and the biases get no gradient at all. */
    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void zeroHeadsGiveExactlyZeroFirstLayerAndBiasGradients(String loss) {
        TwoLayerReluModel model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 1, 0, loss), 5);
        GradientAccumulator accumulator = model.newAccumulator(ALL);
        accumulator.add(TASK, Fixtures.randomBatch(D, 50, Fixtures.stream(31)), 0.7);
        for (double v : accumulator.firstLayer()) {
            assertEquals(0.0, v);
        }
        for (double v : accumulator.bias()) {
            assertEquals(0.0, v);
        }
        assertTrue(norm(accumulator.head()) > 1e-3, "the head must still get a gradient");
    }

    @Test
    void unrequestedPartsThrowNamingThePart() {
        TwoLayerReluModel model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 0.5, 0.7, "logistic"), 6);
        Batch batch = Fixtures.randomBatch(D, 8, Fixtures.stream(41));
        GradientAccumulator headOnly = model.newAccumulator(EnumSet.of(GradientPart.HEAD));
        GradientAccumulator everything = model.newAccumulator(ALL);
        assertEquals(everything.add(TASK, batch, 1), headOnly.add(TASK, batch, 1), 0.0);
        assertScaled(everything.head(), headOnly.head(), 1);
        assertTrue(assertThrows(IllegalStateException.class, headOnly::firstLayer).getMessage().contains("FIRST_LAYER"));
        assertTrue(assertThrows(IllegalStateException.class, headOnly::bias).getMessage().contains("BIAS"));

        GradientAccumulator firstLayerOnly = model.newAccumulator(EnumSet.of(GradientPart.FIRST_LAYER));
        firstLayerOnly.add(TASK, batch, 1);
        assertScaled(everything.firstLayer(), firstLayerOnly.firstLayer(), 1);
        assertTrue(assertThrows(IllegalStateException.class, firstLayerOnly::head).getMessage().contains("HEAD"));
        assertTrue(assertThrows(IllegalStateException.class, firstLayerOnly::bias).getMessage().contains("BIAS"));
    }

    @Test
    void rejectsAnUnknownTaskAndAWrongDimension() {
        TwoLayerReluModel model = Fixtures.model(D, TASKS, Fixtures.params(M, "gaussian", 0.5, 0.7, "logistic"), 7);
        GradientAccumulator accumulator = model.newAccumulator(ALL);
        Batch batch = Fixtures.randomBatch(D, 3, Fixtures.stream(51));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(TASKS, batch, 1));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(-1, batch, 1));
        Batch wrong = Fixtures.randomBatch(D + 1, 3, Fixtures.stream(52));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(0, wrong, 1));
    }

    private static void assertScaled(double[] reference, double[] actual, double factor) {
        assertEquals(reference.length, actual.length);
        for (int i = 0; i < reference.length; i++) {
            double expected = factor * reference[i];
            assertEquals(expected, actual[i], 1e-12 * Math.max(1, Math.abs(expected)), "coordinate " + i);
        }
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
