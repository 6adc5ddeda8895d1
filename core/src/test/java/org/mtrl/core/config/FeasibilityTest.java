package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FeasibilityTest {
    private static final long GIB = 1L << 30;

    private static ObjectNode tree(long dim, long rank, long tasks, long width, String optimizer, String probes) {
        return ConfigTrees.parse("{data: {dim: " + dim + ", rank: " + rank + "}, tasks: {count: " + tasks
                + "}, model: {width: " + width + "}, optimizer: {" + optimizer + "}, probes: {" + probes + "}}", "t");
    }

    private static String refused(ObjectNode tree, long heap) {
        return assertThrows(ConfigException.class, () -> Feasibility.check(tree, heap, 2)).getMessage();
    }

    @Test
    void theEstimateIsTheDocumentedSumAndMayUseEightyPercentOfTheHeap() {
        // d = m = 1000, T = 10, r = 5, 2 processors: 10 workspaces (8 shards + 2 workers), in bytes
        //   W and gradients   8 * 1000 * 1000 * (3 + 10)      = 104,000,000
        //   heads             8 * 10 * 1000 * 3               =     240,000
        //   tasks             8 * 10 * (8 + 5)                =       1,040
        //   sample buffers    8 * 10 * 512 * (1000 + 5 + 2000) = 123,084,800
        //   total                                              = 227,325,840 = 80% of 284,157,300
        ObjectNode tree = tree(1000, 5, 10, 1000, "", "");
        assertDoesNotThrow(() -> Feasibility.check(tree, 284_157_400L, 2));
        String message = refused(tree, 284_157_200L);
        assertTrue(message.startsWith("data.dim: too large for memory") && message.contains("model.width=1000")
                && message.contains("mostly the sample buffers")
                && message.contains("MTRL_JAVA_OPTS=-Xmx1g"), message);
    }

    @Test
    void projectedSamplingIsEstimatedWithTheProjectedDimension() {
        // d = 100,000, m = 200, r = 5, T = 200, k = 205, 10 workspaces, in bytes
        //   W held six times       8 * 100,000 * 200 * 6      = 960,000,000
        //   projected gradients    8 * 205 * 200 * 10         =   3,280,000
        //   heads                  8 * 200 * 200 * 3          =     960,000
        //   tasks                  8 * 200 * (8 + 5)          =      20,800
        //   sample buffers         8 * 10 * 512 * (205 + 5 + 400) = 24,985,600
        //   total                                             = 989,246,400 = 80% of 1,236,558,000
        String huge = "{seed: 1, sampling: %s, data: {type: gaussian, dim: 100000, rank: 5}, tasks: {count: 200},"
                + " model: {type: two-layer-relu, width: 200}}";
        ObjectNode auto = ConfigTrees.parse(String.format(huge, "auto"), "t");
        assertDoesNotThrow(() -> Feasibility.check(auto, 1_236_558_100L, 2));
        refused(auto, 1_236_557_900L);
        assertDoesNotThrow(() -> Feasibility.check(ConfigTrees.parse(String.format(huge, "projected"), "t"),
                1_236_558_100L, 2));
        String direct = refused(ConfigTrees.parse(String.format(huge, "direct"), "t"), 4 * GIB);
        assertTrue(direct.contains("mostly the sample buffers"), direct);
        // auto where its rule does not hold (m + r > 0.6 d) is estimated as direct
        refused(ConfigTrees.parse(String.format(huge, "auto").replace("dim: 100000", "dim: 300"), "t"), 42_000_000L);
        assertDoesNotThrow(() -> Feasibility.check(ConfigTrees.parse(String.format(huge, "direct")
                .replace("dim: 100000", "dim: 300"), "t"), 60_000_000L, 2));
    }

    @Test
    void aDimensionOfAMillionIsRefusedNamingItAndTheHeap() {
        String message = refused(tree(1_000_000, 5, 50, 200, "headSamples: 2000", ""), 4 * GIB);
        assertTrue(message.contains("data.dim=1000000") && message.contains("model.width=200")
                && message.contains("at most 4.0 GiB") && message.contains("about 57.5 GiB"), message);
    }

    @Test
    void sizesWhoseProductsOverflowAnArrayOrALongAreRefusedWhateverTheHeap() {
        String heads = refused(tree(20, 2, 1_000_000_000, 32, "", ""), Long.MAX_VALUE);
        assertTrue(heads.startsWith("tasks.count: too large: tasks.count=1000000000 and model.width=32 give the heads"),
                heads);
        String layer = refused(tree(Integer.MAX_VALUE, 2, 8, Integer.MAX_VALUE, "", ""), Long.MAX_VALUE);
        assertTrue(layer.startsWith("model.width: too large") && layer.contains("first layer"), layer);
        String features = refused(tree(20, 2, 8, 100_000, "", "d: {samples: [100, 100000]}"), Long.MAX_VALUE);
        assertTrue(features.contains("probes.d.samples=100000"), features);
    }

    @Test
    void chunkCountsAreComputedWithoutOverflowAndBoundedPerStep() {
        ObjectNode few = tree(20, 2, 8, 32, "headSamples: 2147483647, repSamples: 2147483647", "");
        assertDoesNotThrow(() -> Feasibility.check(few, 4 * GIB, 2)); // 8 x 4,194,304 chunks: countable
        String many = refused(tree(20, 2, 1000, 32, "headSamples: 2000, samples: 2147483647", ""), Long.MAX_VALUE);
        assertTrue(many.startsWith("optimizer.samples: too large: tasks.count=1000 and optimizer.samples=2147483647"),
                many);
    }

    @Test
    void aConfigurationWithoutTheBuiltInKeysIsLeftToItsComponents() {
        assertDoesNotThrow(() -> Feasibility.check(ConfigTrees.parse("{data: {type: other}}", "t"), GIB, 2));
    }
}
