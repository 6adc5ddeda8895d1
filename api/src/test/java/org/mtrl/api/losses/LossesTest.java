package org.mtrl.api.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtrl.api.model.Loss;

class LossesTest {
    private final Loss logistic = new LogisticLoss();

    @Test
    void logisticIsFiniteAndAccurateAtHugeMargins() {
        for (double f : new double[] {800, -800}) {
            for (double y : new double[] {-1, 1}) {
                double value = logistic.value(y, f);
                double derivative = logistic.derivative(y, f);
                assertTrue(Double.isFinite(value) && Double.isFinite(derivative), "y=" + y + ", f=" + f);
                if (y * f > 0) {
                    assertEquals(0, value, 1e-300); // exp(-800) underflows: the true value is below 1e-347
                    assertEquals(0, derivative, 1e-300);
                } else {
                    assertEquals(800, value, 1e-12); // log(1 + e^800) = 800 + log1p(e^-800)
                    assertEquals(-y, derivative, 1e-15);
                }
            }
        }
    }

    @Test
    void logisticMatchesTheTextbookFormulaAtModerateMargins() {
        for (double f = -6; f <= 6; f += 0.37) {
            for (double y : new double[] {-1, 1}) {
                double expected = Math.log(1 + Math.exp(-y * f));
                assertEquals(expected, logistic.value(y, f), 1e-12 * expected, "value at y=" + y + ", f=" + f);
                double expectedDerivative = -y / (1 + Math.exp(y * f));
                assertEquals(expectedDerivative, logistic.derivative(y, f), 1e-12 * Math.abs(expectedDerivative),
                        "derivative at y=" + y + ", f=" + f);
            }
        }
        assertEquals(Math.log(2), logistic.value(1, 0), 1e-15);
        assertEquals(-0.5, logistic.derivative(1, 0), 1e-15);
    }

    @Test
    void hingeAndSquaredValues() {
        Loss hinge = new HingeLoss();
        assertEquals(0.7, hinge.value(1, 0.3), 1e-15);
        assertEquals(0, hinge.value(1, 2), 0);
        assertEquals(1.3, hinge.value(-1, 0.3), 1e-15);
        assertEquals(-1, hinge.derivative(1, 0.3), 0);
        assertEquals(1, hinge.derivative(-1, 0.3), 0);
        assertEquals(0, hinge.derivative(1, 2), 0);
        Loss squared = new SquaredLoss();
        assertEquals(2, squared.value(1, 3), 1e-15);
        assertEquals(2, squared.derivative(1, 3), 1e-15);
        assertEquals(-0.5, squared.derivative(-1, -1.5), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void derivativeMatchesCentralDifferencesAwayFromKinks(String name) {
        Loss loss = Losses.byName(name);
        assertEquals(name, loss.name());
        double h = 1e-6;
        for (double f : new double[] {-3.1, -0.4, 0.2, 0.93, 1.6, 4.2}) {
            for (double y : new double[] {-1, 1}) {
                double numeric = (loss.value(y, f + h) - loss.value(y, f - h)) / (2 * h);
                assertEquals(numeric, loss.derivative(y, f), 1e-8, name + " at y=" + y + ", f=" + f);
            }
        }
    }

    /** At the kink y f = 1 the hinge's derivative is taken as 0 (the right derivative), for either label. */
    @Test
    void hingeDerivativeIsZeroAtTheKink() {
        Loss hinge = new HingeLoss();
        assertEquals(0, hinge.value(1, 1), 0);
        assertEquals(0, hinge.derivative(1, 1), 0);
        assertEquals(0, hinge.derivative(-1, -1), 0);
        assertEquals(-1, hinge.derivative(1, Math.nextDown(1.0)), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge", "squared"})
    void aLossPrintsAsItsName(String name) {
        assertEquals(name, Losses.byName(name).toString());
    }

    @Test
    void unknownLossIsRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.byName("cross-entropy"));
        assertTrue(e.getMessage().contains("loss=cross-entropy"), e.getMessage());
    }
}
