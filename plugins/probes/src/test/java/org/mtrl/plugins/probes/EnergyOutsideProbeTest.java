package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.runtime.RandomStream;

class EnergyOutsideProbeTest {

    private static double energy(Matrix w, Subspace truth) {
        List<Metric> metrics = new EnergyOutsideProbe().measure(
                Fixtures.context(Fixtures.model(w, 1), new GaussianData(truth)));
        assertEquals(1, metrics.size());
        assertEquals("value", metrics.get(0).name());
        return metrics.get(0).value();
    }

    @Test
    void rowsInsideTheSpanHaveNoEnergyOutside() {
        RandomStream rng = Fixtures.stream(21);
        Subspace truth = GaussianData.random(30, 4, rng).groundTruth();
        assertEquals(0, energy(Fixtures.insideSpan(12, truth, rng), truth), 1e-12);
    }

    @Test
    void rowsOrthogonalToTheSpanHaveAllTheirEnergyOutside() {
        Subspace truth = Fixtures.axes(10, 3);
        RandomStream rng = Fixtures.stream(22);
        Matrix w = Fixtures.gaussian(7, 10, rng);
        for (int i = 0; i < 7; i++) {
            for (int c = 0; c < 3; c++) {
                w.set(i, c, 0);
            }
        }
        assertEquals(1, energy(w, truth), 1e-12);
    }

    @Test
    void aRowAtAKnownAngleHasTheSineOfThatAngleOutside() {
        Subspace truth = Fixtures.axes(4, 2);
        double theta = 0.4;
        Matrix w = new Matrix(1, 4, new double[] {0.6 * Math.cos(theta), 0.8 * Math.cos(theta), Math.sin(theta), 0});
        assertEquals(Math.sin(theta), energy(w, truth), 1e-14);
    }

    @Test
    void randomRowsMatchTheNormIdentity() {
        RandomStream rng = Fixtures.stream(23);
        Subspace truth = GaussianData.random(20, 3, rng).groundTruth();
        Matrix w = Fixtures.gaussian(15, 20, rng);
        double inside = Dense.multiply(w, truth.basis()).frobeniusNorm();
        double total = w.frobeniusNorm();
        double expected = Math.sqrt(1 - inside * inside / (total * total));
        assertEquals(expected, energy(w, truth), 1e-12);
    }

    @Test
    void aZeroFirstLayerHasNoEnergyOutside() {
        assertEquals(0, energy(Matrix.zeros(5, 6), Fixtures.axes(6, 2)));
    }
}
