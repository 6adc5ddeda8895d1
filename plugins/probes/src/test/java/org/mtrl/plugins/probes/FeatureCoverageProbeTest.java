package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.runtime.RandomStream;

class FeatureCoverageProbeTest {

    private static Map<String, Double> measure(double threshold, Matrix w, Subspace truth) {
        return Fixtures.measure(new FeatureCoverageProbe(threshold),
                Fixtures.context(Fixtures.model(w, 1), new GaussianData(truth)));
    }

    @Test
    void twoLearnedDirectionsOfFourGiveRankTwo() {
        Subspace truth = GaussianData.random(12, 4, Fixtures.stream(31)).groundTruth();
        Map<String, Double> metrics = measure(0.1, TwoOfFour.firstLayer(truth), truth);
        assertEquals(List.of("sv.1", "sv.2", "sv.3", "sv.4", "rank", "effective-rank", "gain.1", "gain.2", "gain.3",
                "gain.4", "gain"), List.copyOf(metrics.keySet()));
        assertEquals(1, metrics.get("sv.1"), 1e-12);
        assertEquals(2.0 / 3, metrics.get("sv.2"), 1e-12);
        assertEquals(0, metrics.get("sv.3"), 1e-12);
        assertEquals(0, metrics.get("sv.4"), 1e-12);
        assertEquals(2, metrics.get("rank"));
        // p = (3/5, 2/5)
        double entropy = -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4));
        assertEquals(Math.exp(entropy), metrics.get("effective-rank"), 1e-12);
        // ||W||_F^2 = 9 + 4 + 0.25; d = 12; the rows in span(M) carry 9 and 4 of it
        assertEquals(12 * 9 / 13.25, metrics.get("gain.1"), 1e-12);
        assertEquals(12 * 4 / 13.25, metrics.get("gain.2"), 1e-12);
        assertEquals(0, metrics.get("gain.3"));
        assertEquals(0, metrics.get("gain.4"));
        assertEquals(12 * 13 / 13.25 / 4, metrics.get("gain"), 1e-12);
    }

    /**
     * "A singular value at most 1e-10 ||W||_F counts as 0", at the point itself: W's rows are e_1 and
     * 1e-10 e_2 (||W||_F = 1 exactly, W M = diag(1, 1e-10) for M = [e_1, e_2]), then 1e-10 moved one ulp up.
     */
    @Test
    void aSingularValueAtTheRoundingToleranceCountsAsZero() {
        Subspace truth = Fixtures.axes(3, 2);
        for (double small : new double[] {FeatureCoverageProbe.ROUNDING_TOLERANCE,
                Math.nextUp(FeatureCoverageProbe.ROUNDING_TOLERANCE)}) {
            Matrix w = Matrix.zeros(2, 3);
            w.set(0, 0, 1);
            w.set(1, 1, small);
            assertEquals(1, w.frobeniusNorm(), "the tolerance is exactly 1e-10 here");
            Map<String, Double> metrics = measure(0, w, truth);
            boolean above = small > FeatureCoverageProbe.ROUNDING_TOLERANCE;
            assertEquals(above ? small : 0, metrics.get("sv.2"), "s_2 = " + small);
            assertEquals(above ? 2 : 1, metrics.get("rank"), "s_2 = " + small);
        }
    }

    /** Random features: ||W M||^2 / ||W||^2 ~ Beta(m r / 2, m (d - r) / 2), mean r / d, so E[gain] = 1. */
    @Test
    void randomFeaturesGainOneOnAverageWhateverTheirScale() {
        RandomStream rng = Fixtures.stream(35);
        Subspace truth = GaussianData.random(30, 3, rng).groundTruth();
        int draws = 200;
        double sum = 0;
        for (int k = 0; k < draws; k++) {
            Matrix w = Fixtures.gaussian(20, 30, rng);
            double gain = measure(0.1, w, truth).get("gain");
            sum += gain;
            for (int i = 0; i < w.data().length; i++) {
                w.data()[i] *= -7;
            }
            assertEquals(gain, measure(0.1, w, truth).get("gain"), 1e-12, "scale and sign do not matter");
        }
        // one draw has standard deviation 0.17 here, the mean of 200 about 0.012
        assertEquals(1, sum / draws, 0.05);
    }

    @Test
    void theThresholdDecidesWhichDirectionsCount() {
        Subspace truth = GaussianData.random(12, 4, Fixtures.stream(32)).groundTruth();
        assertEquals(1, measure(0.7, TwoOfFour.firstLayer(truth), truth).get("rank"));
        assertEquals(2, measure(2.0 / 3 - 1e-9, TwoOfFour.firstLayer(truth), truth).get("rank"));
        assertEquals(2, measure(0, TwoOfFour.firstLayer(truth), truth).get("rank"), "zeros never count");
        assertEquals(1, measure(1, TwoOfFour.firstLayer(truth), truth).get("rank"), "the threshold itself counts");
    }

    @Test
    void allDirectionsLearnedEquallyGiveFullRank() {
        Subspace truth = GaussianData.random(9, 3, Fixtures.stream(33)).groundTruth();
        Matrix w = Fixtures.transpose(truth.basis());
        Map<String, Double> metrics = measure(0.99, w, truth);
        for (int i = 1; i <= 3; i++) {
            assertEquals(1, metrics.get("sv." + i), 1e-12);
        }
        assertEquals(3, metrics.get("rank"));
        assertEquals(3, metrics.get("effective-rank"), 1e-12);
        for (int i = 1; i <= 3; i++) {
            assertEquals(3, metrics.get("gain." + i), 1e-12, "d / r: all of W's energy lies in span(M)");
        }
        assertEquals(3, metrics.get("gain"), 1e-12);
    }

    @Test
    void degenerateFirstLayersGiveZerosNotNaN() {
        RandomStream rng = Fixtures.stream(34);
        Subspace truth = GaussianData.random(8, 3, rng).groundTruth();
        Map<String, Double> zero = measure(0.1, Matrix.zeros(4, 8), truth);
        zero.values().forEach(v -> assertEquals(0, v));

        Map<String, Double> outside = measure(0, Fixtures.outsideSpan(6, truth, rng), truth);
        outside.values().forEach(v -> assertEquals(0, v, "W M is rounding noise only"));
        Matrix large = Fixtures.outsideSpan(6, truth, rng);
        for (int i = 0; i < large.data().length; i++) {
            large.data()[i] *= 1e8;
        }
        measure(0, large, truth).values().forEach(v -> assertEquals(0, v, "the noise scales with ||W||"));

        Map<String, Double> narrow = measure(0.1, Fixtures.insideSpan(2, truth, rng), truth);
        narrow.values().forEach(v -> assertTrue(Double.isFinite(v)));
        assertEquals(0, narrow.get("sv.3"));
        assertEquals(2, narrow.get("rank"));
        assertTrue(narrow.get("effective-rank") > 1 && narrow.get("effective-rank") <= 2);
    }
}
