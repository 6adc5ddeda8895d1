package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;

class SubspaceDistanceProbeTest {
    private final SubspaceDistanceProbe probe = new SubspaceDistanceProbe();

    private Map<String, Double> measure(Matrix w, Subspace truth) {
        return Fixtures.measure(probe, Fixtures.context(Fixtures.model(w, 1), new GaussianData(truth)));
    }

    private static double[] sines(Map<String, Double> metrics, int r) {
        double[] s = new double[r];
        for (int i = 0; i < r; i++) {
            s[i] = metrics.get("sine." + (i + 1));
        }
        return s;
    }

    /** m = 20 &lt;= d uses W W^T, m = 50 &gt; d uses W^T W. */
    @ParameterizedTest
    @ValueSource(ints = {20, 50})
    void rowsInsideTheSpanGiveDistanceZero(int m) {
        RandomStream rng = Fixtures.stream(11);
        GaussianData data = GaussianData.random(30, 4, rng);
        Map<String, Double> metrics = measure(Fixtures.insideSpan(m, data.groundTruth(), rng), data.groundTruth());
        assertEquals(0, metrics.get("max"), 1e-10);
        assertEquals(0, metrics.get("mean"), 1e-10);
        for (double s : sines(metrics, 4)) {
            assertEquals(0, s, 1e-10);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 50})
    void rowsOrthogonalToTheSpanGiveDistanceOne(int m) {
        RandomStream rng = Fixtures.stream(12);
        GaussianData data = GaussianData.random(30, 4, rng);
        Matrix w = Fixtures.outsideSpan(m, data.groundTruth(), rng);
        Map<String, Double> metrics = measure(w, data.groundTruth());
        assertEquals(1, metrics.get("max"), 1e-10);
        assertEquals(1, metrics.get("mean"), 1e-10);
    }

    @Test
    void coveringTwoOfFourDirectionsLeavesTwoUnitSines() {
        RandomStream rng = Fixtures.stream(13);
        Subspace truth = GaussianData.random(12, 4, rng).groundTruth();
        Map<String, Double> metrics = measure(TwoOfFour.firstLayer(truth), truth);
        assertArrayEquals(new double[] {1, 1, 0, 0}, sines(metrics, 4), 1e-10);
        assertEquals(0.5, metrics.get("mean"), 1e-10);
    }

    @Test
    void oneDirectionAtAKnownAngleGivesItsSine() {
        Subspace truth = Fixtures.axes(5, 1);
        for (double theta : new double[] {1e-9, 1e-4, 0.3, 0.7, 1.3, Math.PI / 2}) {
            double[] u = {Math.cos(theta), Math.sin(theta), 0, 0, 0};
            Matrix w = Matrix.zeros(3, 5);
            for (int a = 0; a < 5; a++) {
                w.set(0, a, 2 * u[a]);
                w.set(2, a, -0.5 * u[a]);
            }
            Map<String, Double> metrics = measure(w, truth);
            assertEquals(Math.sin(theta), metrics.get("max"), 1e-15 + 1e-12 * Math.sin(theta), "theta " + theta);
            assertEquals(metrics.get("max"), metrics.get("sine.1"));
        }
    }

    @Test
    void rankDeficientFirstLayersCountMissingDirectionsAsUnlearned() {
        RandomStream rng = Fixtures.stream(14);
        Subspace truth = GaussianData.random(8, 3, rng).groundTruth();
        Matrix oneRow = Matrix.zeros(4, 8);
        System.arraycopy(Fixtures.insideSpan(1, truth, rng).data(), 0, oneRow.data(), 8, 8);
        assertArrayEquals(new double[] {1, 1, 0}, sines(measure(oneRow, truth), 3), 1e-10);

        Matrix narrow = Fixtures.insideSpan(2, truth, rng);
        Map<String, Double> narrowMetrics = measure(narrow, truth);
        assertArrayEquals(new double[] {1, 0, 0}, sines(narrowMetrics, 3), 1e-10);
        assertEquals(1.0 / 3, narrowMetrics.get("mean"), 1e-10);

        Map<String, Double> zero = measure(Matrix.zeros(5, 8), truth);
        assertArrayEquals(new double[] {1, 1, 1}, sines(zero, 3));
        assertEquals(1, zero.get("max"));
        zero.values().forEach(v -> assertTrue(Double.isFinite(v)));
    }

    /** The textbook route: full SVD of W, cosines from M^T V_r, sines = sqrt(1 - cos^2). */
    @ParameterizedTest
    @ValueSource(ints = {9, 40})
    void randomFirstLayersMatchTheCosineRoute(int m) {
        RandomStream rng = Fixtures.stream(15);
        int d = 25;
        int r = 3;
        Subspace truth = GaussianData.random(d, r, rng).groundTruth();
        Matrix w = Fixtures.gaussian(m, d, rng);
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = w.row(i);
        }
        RealMatrix v = new SingularValueDecomposition(new Array2DRowRealMatrix(rows)).getV()
                .getSubMatrix(0, d - 1, 0, r - 1);
        double[][] mt = new double[d][];
        for (int i = 0; i < d; i++) {
            mt[i] = truth.basis().row(i);
        }
        double[] cosines = new SingularValueDecomposition(new Array2DRowRealMatrix(mt).transpose().multiply(v))
                .getSingularValues();
        double[] expected = new double[r];
        for (int i = 0; i < r; i++) {
            expected[i] = Math.sqrt(1 - cosines[r - 1 - i] * cosines[r - 1 - i]);
        }
        double[] actual = sines(measure(w, truth), r);
        assertArrayEquals(expected, actual, 1e-9, Arrays.toString(actual));
        assertTrue(actual[r - 1] > 0.05, "a random W must be far from span(M)");
    }

    @Test
    void metricNamesAreMaxMeanAndOneSinePerDirection() {
        RandomStream rng = Fixtures.stream(16);
        GaussianData data = GaussianData.random(10, 3, rng);
        List<String> names = probe.measure(Fixtures.context(Fixtures.model(Fixtures.gaussian(6, 10, rng), 1), data))
                .stream().map(metric -> metric.name()).toList();
        assertEquals(List.of("max", "mean", "sine.1", "sine.2", "sine.3"), names);
    }

    @Test
    void leavesTheModelUntouchedAndRejectsAWrongDimension() {
        RandomStream rng = Fixtures.stream(17);
        GaussianData data = GaussianData.random(10, 3, rng);
        Matrix w = Fixtures.gaussian(6, 10, rng);
        double[] before = w.data().clone();
        measure(w, data.groundTruth());
        assertArrayEquals(before, w.data());
        assertThrows(IllegalArgumentException.class, () -> measure(Fixtures.gaussian(6, 11, rng), data.groundTruth()));
    }
}
