package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.runtime.RandomStream;

class InitTest {

    @Test
    void gaussianRowsHaveMeanSquaredNormOne() {
        int d = 50;
        int m = 2000;
        TwoLayerReluModel model = Fixtures.model(d, 1, Fixtures.params(m, "gaussian", 1, 0, "logistic"), 12);
        double[] w = model.firstLayer().data();
        double meanSquaredNorm = 0;
        for (int j = 0; j < m; j++) {
            meanSquaredNorm += Vectors.dot(w, j * d, w, j * d, d) / m;
        }
        // a row's squared norm is chi^2_d / d with variance 2/d; over m rows the mean has sd sqrt(2 / (d m)) = 0.0045
        assertEquals(1, meanSquaredNorm, 0.025);
    }

    @Test
    void unitSphereRowsHaveNormOneAndSpreadEvenly() {
        int d = 20;
        int m = 3000;
        TwoLayerReluModel model = Fixtures.model(d, 1, Fixtures.params(m, "unit-sphere", 1, 0, "logistic"), 13);
        double[] w = model.firstLayer().data();
        double meanFirstCoordinateSquared = 0;
        for (int j = 0; j < m; j++) {
            assertEquals(1, Math.sqrt(Vectors.dot(w, j * d, w, j * d, d)), 1e-12, "row " + j);
            meanFirstCoordinateSquared += w[j * d] * w[j * d] / m;
        }
        // uniform on the sphere: E[w_1^2] = 1/d; sd of w_1^2 is about sqrt(2)/d, so the mean's sd is 0.026/d
        assertEquals(1.0 / d, meanFirstCoordinateSquared, 0.15 / d);
    }

    @Test
    void biasStandardDeviationIsBiasScale() {
        int m = 20000;
        TwoLayerReluModel model = Fixtures.model(3, 1, Fixtures.params(m, "gaussian", 2.5, 0, "logistic"), 14);
        assertEquals(2.5, standardDeviation(model.bias()), 2.5 * 0.03); // relative sd of the estimate is 1/sqrt(2m) = 0.005
    }

    @Test
    void headStandardDeviationIsHeadInit() {
        TwoLayerReluModel model = Fixtures.model(3, 40, Fixtures.params(500, "gaussian", 1, 0.3, "logistic"), 15);
        assertEquals(0.3, standardDeviation(model.heads().data()), 0.3 * 0.03);
    }

    @Test
    void zeroHeadInitGivesExactZerosAndZeroBiasScaleGivesZeroBiases() {
        TwoLayerReluModel model = Fixtures.model(6, 5, Fixtures.params(40, "gaussian", 0, 0, "logistic"), 16);
        for (double a : model.heads().data()) {
            assertEquals(0.0, a);
        }
        for (double b : model.bias()) {
            assertEquals(0.0, b);
        }
    }

    @Test
    void initialisationConsumesTheStreamInTheDocumentedOrder() {
        int d = 5;
        int m = 4;
        int tasks = 3;
        TwoLayerReluModel model = Fixtures.model(d, tasks, Fixtures.params(m, "gaussian", 1.5, 0.2, "squared"), 17);

        RandomStream replay = Fixtures.stream(17);
        double[] w = new double[m * d];
        replay.nextGaussians(w, 0, m * d);
        double[] b = new double[m];
        replay.nextGaussians(b, 0, m);
        double[] heads = new double[tasks * m];
        replay.nextGaussians(heads, 0, tasks * m);
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] / Math.sqrt(d), model.firstLayer().data()[i], 1e-15);
        }
        for (int j = 0; j < m; j++) {
            assertEquals(1.5 * b[j], model.bias()[j], 1e-15);
        }
        for (int i = 0; i < heads.length; i++) {
            assertEquals(0.2 * heads[i], model.heads().data()[i], 1e-15);
        }
    }

    @Test
    void headsDoNotDependOnBiasScale() {
        TwoLayerReluModel withBias = Fixtures.model(6, 3, Fixtures.params(10, "gaussian", 1, 0.5, "logistic"), 18);
        TwoLayerReluModel withoutBias = Fixtures.model(6, 3, Fixtures.params(10, "gaussian", 0, 0.5, "logistic"), 18);
        assertArrayEquals(withBias.heads().data(), withoutBias.heads().data());
    }

    @Test
    void sameStreamGivesIdenticalModels() {
        for (String init : new String[] {"gaussian", "unit-sphere"}) {
            TwoLayerReluParams params = Fixtures.params(30, init, 1, 0.1, "logistic");
            TwoLayerReluModel first = Fixtures.model(8, 4, params, 19);
            TwoLayerReluModel second = Fixtures.model(8, 4, params, 19);
            TwoLayerReluModel other = Fixtures.model(8, 4, params, 20);
            assertArrayEquals(first.firstLayer().data(), second.firstLayer().data());
            assertArrayEquals(first.bias(), second.bias());
            assertArrayEquals(first.heads().data(), second.heads().data());
            assertFalse(Arrays.equals(first.firstLayer().data(), other.firstLayer().data()));
        }
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
