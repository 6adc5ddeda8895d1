package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.runtime.RandomStream;

/**
 * The pre-activation Gram sum_s c_s c_s^T, c_{s,j} = scale l'(y_s, f_s) a_{t,j} 1[z_{s,j} &gt; 0], against
 * plain loops; the first-layer gradient is sum_s c_s x_s^T with the same c_s.
 */
class PreActivationGramTest {

    @Test
    void theGramIsTheSumOfOuterProductsOfThePerSampleCoefficients() {
        int d = 7;
        int m = 5; // not a multiple of the kernels' padding
        TwoLayerReluModel model = Fixtures.model(d, 2, Fixtures.params(m, "gaussian", 1, 1, "logistic"), 3);
        RandomStream rng = Fixtures.stream(4);
        Batch first = Fixtures.randomBatch(d, 9, rng);
        Batch second = Fixtures.randomBatch(d, 4, rng);
        double scale = 0.25;
        GradientAccumulator accumulator = model.newAccumulator(
                EnumSet.of(GradientPart.FIRST_LAYER, GradientPart.PRE_ACTIVATION_GRAM));
        accumulator.add(1, first, scale);
        accumulator.add(1, second, scale);

        double[] gram = new double[m * m];
        double[] firstLayer = new double[m * d];
        for (Batch batch : new Batch[] {first, second}) {
            for (int s = 0; s < batch.size(); s++) {
                double f = Fixtures.naiveOutput(model, 1, batch, s);
                double g = scale * model.loss().derivative(batch.y()[s], f);
                double[] c = new double[m];
                for (int j = 0; j < m; j++) {
                    c[j] = Fixtures.naivePreActivation(model, batch, s, j) > 0 ? g * model.heads().get(1, j) : 0;
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        gram[i * m + j] += c[i] * c[j];
                    }
                    for (int k = 0; k < d; k++) {
                        firstLayer[i * d + k] += c[i] * batch.x()[s * d + k];
                    }
                }
            }
        }
        double[] actual = accumulator.preActivationGram();
        assertEquals(m * m, actual.length);
        for (int i = 0; i < m * m; i++) {
            assertEquals(gram[i], actual[i], 1e-12, "Gram entry " + i);
        }
        for (int i = 0; i < m * d; i++) {
            assertEquals(firstLayer[i], accumulator.firstLayer()[i], 1e-12, "first-layer entry " + i);
        }
        assertTrue(gram[0] != 0 || gram[m + 1] != 0, "the check must see a nonzero Gram");

        accumulator.reset();
        accumulator.add(0, first, scale);
        GradientAccumulator fresh = model.newAccumulator(EnumSet.of(GradientPart.PRE_ACTIVATION_GRAM));
        fresh.add(0, first, scale);
        double[] again = accumulator.preActivationGram().clone();
        double[] alone = fresh.preActivationGram();
        for (int i = 0; i < m * m; i++) {
            assertEquals(alone[i], again[i], 0, "reset starts the Gram afresh, entry " + i);
        }
    }

    @Test
    void theModelOffersTheGramAndAnAccumulatorWithoutItRefusesIt() {
        TwoLayerReluModel model = Fixtures.model(3, 1, Fixtures.params(2, "gaussian", 1, 1, "logistic"), 5);
        assertEquals(EnumSet.allOf(GradientPart.class), model.gradientParts());
        GradientAccumulator heads = model.newAccumulator(EnumSet.of(GradientPart.HEAD));
        assertThrows(IllegalStateException.class, heads::preActivationGram);
    }
}
