package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.LogisticLoss;
import org.mtrl.api.model.Model;

class ModelTest {

    @Test
    void featuresEqualANaiveReference() {
        int d = 13;
        int m = 9;
        int n = 7;
        TwoLayerReluModel model = Fixtures.model(d, 2, Fixtures.params(m, "gaussian", 1, 0, "logistic"), 8);
        Batch batch = Fixtures.randomBatch(d, n, Fixtures.stream(61));
        double[] out = new double[n * m];
        model.features(batch.x(), n, out);
        int active = 0;
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < m; j++) {
                double expected = Math.max(0, Fixtures.naivePreActivation(model, batch, s, j));
                assertEquals(expected, out[s * m + j], 1e-12, "sample " + s + ", unit " + j);
                active += expected > 0 ? 1 : 0;
            }
        }
        assertTrue(active > 0 && active < n * m, "the check must see both active and dead units");
    }

    @Test
    void withFirstLayerComputesFeaturesOfTheGivenLayerAndKeepsTheModel() {
        TwoLayerReluModel model = Fixtures.model(3, 2, Fixtures.params(2, "gaussian", 1, 0, "hinge"), 12);
        double[] wBefore = model.firstLayer().data().clone();
        Matrix w = new Matrix(2, 3, new double[] {1, 0, 0, 0, -1, 0});
        double[] b = {0.5, 0.25};
        TwoLayerReluModel frozen = model.withFirstLayer(w, b);
        double[] out = new double[4];
        frozen.features(new double[] {1, 2, 3, -1, -2, -3}, 2, out);
        assertArrayEquals(new double[] {1.5, 0, 0, 2.25}, out, 0);
        assertSame(w, frozen.firstLayer(), "the given layer is used as given");
        assertSame(b, frozen.bias());
        assertArrayEquals(model.heads().data(), frozen.heads().data(), 0);
        assertNotSame(model.heads().data(), frozen.heads().data(), "the heads are a copy");
        assertEquals("hinge", frozen.loss().name());
        assertArrayEquals(wBefore, model.firstLayer().data(), 0);
        assertThrows(IllegalArgumentException.class, () -> model.withFirstLayer(Matrix.zeros(3, 3), new double[3]));
        assertEquals(2, model.withFirstLayer(Matrix.zeros(2, 2), b).inputDim(), "another input dimension is allowed");
        assertThrows(IllegalArgumentException.class, () -> model.withFirstLayer(w, new double[3]));
    }

    @Test
    void featuresRejectShortArrays() {
        TwoLayerReluModel model = Fixtures.model(4, 1, Fixtures.params(3, "gaussian", 1, 0, "logistic"), 9);
        assertThrows(IllegalArgumentException.class, () -> model.features(new double[7], 2, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> model.features(new double[8], 2, new double[5]));
    }

    @Test
    void shapesAndLossFollowTheParameters() {
        Model model = new TwoLayerReluArchitecture(Fixtures.params(11, "unit-sphere", 1, 0, "hinge"))
                .build(5, 4, Fixtures.stream(10));
        assertEquals(5, model.inputDim());
        assertEquals(11, model.width());
        assertEquals(4, model.taskCount());
        assertEquals(11, model.firstLayer().rows());
        assertEquals(5, model.firstLayer().cols());
        assertEquals(11, model.bias().length);
        assertEquals(4, model.heads().rows());
        assertEquals(11, model.heads().cols());
        assertEquals("hinge", model.loss().name());
        assertSame(model.bias(), model.bias(), "parameters are live, not copies");
    }

    @Test
    void buildRejectsEmptyShapes() {
        TwoLayerReluArchitecture architecture = new TwoLayerReluArchitecture(
                Fixtures.params(3, "gaussian", 1, 0, "logistic"));
        assertThrows(IllegalArgumentException.class, () -> architecture.build(0, 1, Fixtures.stream(1)));
        assertThrows(IllegalArgumentException.class, () -> architecture.build(3, 0, Fixtures.stream(1)));
    }

    @Test
    void theSmallestModelIsOneUnitOnOneInputForOneTask() {
        TwoLayerReluArchitecture architecture = new TwoLayerReluArchitecture(
                Fixtures.params(1, "gaussian", 1, 0, "logistic"));
        Model model = architecture.build(1, 1, Fixtures.stream(2));
        assertEquals(1, model.width());
        assertEquals(1, model.inputDim());
        assertEquals(1, model.taskCount());
        model.features(new double[0], 0, new double[0]);
    }

    @Test
    void inconsistentShapesAreRejected() {
        Matrix w = Matrix.zeros(2, 3);
        LogisticLoss loss = new LogisticLoss();
        assertThrows(IllegalArgumentException.class, () -> new TwoLayerReluModel(w, new double[1], Matrix.zeros(1, 2), loss));
        assertThrows(IllegalArgumentException.class, () -> new TwoLayerReluModel(w, new double[2], Matrix.zeros(1, 3), loss));
        assertEquals(2, new TwoLayerReluModel(w, new double[2], Matrix.zeros(1, 2), loss).width());
    }

    @Test
    void modelAndArchitecturePrintTheirSettings() {
        TwoLayerReluArchitecture architecture = new TwoLayerReluArchitecture(
                Fixtures.params(7, "unit-sphere", 0.5, 0.25, "squared"));
        assertEquals("two-layer-relu(width=7, weightInit=unit-sphere, biasScale=0.5, headInit=0.25, loss=squared)",
                architecture.toString());
        assertEquals("TwoLayerReluModel[d=3, m=7, T=2, loss=squared]",
                architecture.build(3, 2, Fixtures.stream(3)).toString());
    }
}
