package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same seed, same numbers, whatever the thread count. */
class DeterminismTest {
    private static final String[] SMALL = {"data.dim=30", "data.rank=3", "model.width=40", "tasks.count=12",
        "optimizer.headSamples=700", "optimizer.repSamples=1100", "optimizer.rounds=2",
        "probes.downstream-linear.samples=[60]", "probes.downstream-linear.testSamples=300",
        "probes.downstream-linear.taskCount=3", "probes.pretrain-loss.samples=300"};

    @Test
    void theDefaultPipelineTwiceGivesIdenticalMetrics() {
        Map<String, Double> first = TestRuns.run(2).metrics();
        assertEquals(28, first.size(), first.toString());
        assertEquals(first, TestRuns.run(2).metrics());
    }

    @Test
    void theThreadCountDoesNotChangeAnyNumber() {
        Map<String, Double> one = TestRuns.run(1, SMALL).metrics();
        assertEquals(one, TestRuns.run(3, SMALL).metrics());
        assertEquals(one, TestRuns.run(8, SMALL).metrics());
    }

    @Test
    void projectedSamplingGivesTheSameNumbersOnAnyThreadCount() {
        String[] projected = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
        projected[SMALL.length] = "sampling=projected";
        projected[SMALL.length + 1] = "data.dim=300"; // several blocks of the outside part's random matrix
        Map<String, Double> one = TestRuns.run(1, projected).metrics();
        assertEquals(one, TestRuns.run(4, projected).metrics());
        assertNotEquals(one, TestRuns.run(1, with(projected, "sampling=direct")).metrics(),
                "the check must run projected sampling, which draws other random numbers");
    }

    private static String[] with(String[] overrides, String more) {
        String[] out = java.util.Arrays.copyOf(overrides, overrides.length + 1);
        out[overrides.length] = more;
        return out;
    }

    @Test
    void theSeedMatters() {
        String[] other = java.util.Arrays.copyOf(SMALL, SMALL.length + 1);
        other[SMALL.length] = "seed=2";
        assertNotEquals(TestRuns.run(2, SMALL).metrics(), TestRuns.run(2, other).metrics());
    }
}
