package org.mtrl.app.claims;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtrl.app.TestRuns;

/**
 * Training with projected sampling gives the trained first layer the distribution explicit sampling
 * gives it: over {@value #SEEDS} seeds each (disjoint seeds, so the two samples are independent), the
 * largest principal-angle sine and the energy outside span(M) after two rounds have the same
 * distribution by a two-sample Kolmogorov-Smirnov test at false-alarm rate {@value #FALSE_ALARM} per
 * metric. The setting (d = 60, m = 20, r = 3) leaves most of R^d outside the projected span, so the
 * outside part of the gradient carries most of W's energy.
 */
@Tag("slow")
class ProjectedSamplingTrainingTest {
    private static final int SEEDS = 40;
    private static final double FALSE_ALARM = 1e-3;
    private static final List<String> SETTING = List.of("data.dim=60", "data.rank=3", "model.width=20",
            "tasks.count=20", "optimizer.rounds=2", "optimizer.headSamples=400", "optimizer.repSamples=400",
            "optimizer.repDecay=0.5", "probes={subspace-distance: {}, energy-outside: {}}");

    @ParameterizedTest
    @ValueSource(strings = {"subspace-distance.max", "energy-outside.value"})
    void theTrainedLayerHasTheSameDistributionAsWithExplicitSampling(String metric) {
        double[] direct = overSeeds(0, metric, "sampling=direct");
        double[] projected = overSeeds(1000, metric, "sampling=projected");
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(direct, projected);
        assertTrue(p > FALSE_ALARM, metric + ": p = " + p + "; direct " + Arrays.toString(direct) + ", projected "
                + Arrays.toString(projected));
    }

    /** The metric of runs with seeds from + 1 .. from + SEEDS. */
    private static double[] overSeeds(int from, String metric, String sampling) {
        double[] values = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            String[] overrides = new String[SETTING.size() + 2];
            SETTING.toArray(overrides);
            overrides[SETTING.size()] = sampling;
            overrides[SETTING.size() + 1] = "seed=" + (from + s + 1);
            values[s] = TestRuns.run(2, overrides).metrics().get(metric);
        }
        return values;
    }
}
