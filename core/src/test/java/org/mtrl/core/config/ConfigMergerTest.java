package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ConfigMergerTest {
    private static final ObjectNode BASE = tree("""
            seed: 1
            tasks: {type: linear-threshold, count: 50, labelNoise: 0.1}
            model: {type: two-layer-relu, width: 200, loss: logistic, steps: [1, 2, 3]}
            probes: {subspace-distance: {}, pretrain-loss: {}}
            """);

    private static ObjectNode tree(String yaml) {
        return ConfigTrees.parse(yaml, "test");
    }

    @Test
    void mappingsMergeKeyByKey() {
        ObjectNode merged = ConfigMerger.merge(BASE, tree("model: {width: 400}\nseed: 2"));
        assertEquals(tree("{type: two-layer-relu, width: 400, loss: logistic, steps: [1, 2, 3]}"), merged.get("model"));
        assertEquals(2, merged.get("seed").intValue());
        assertEquals(BASE.get("tasks"), merged.get("tasks"));
    }

    @Test
    void aSlotWithTheSameTypeMerges() {
        ObjectNode merged = ConfigMerger.merge(BASE, tree("tasks: {type: linear-threshold, count: 5}"));
        assertEquals(tree("{type: linear-threshold, count: 5, labelNoise: 0.1}"), merged.get("tasks"));
    }

    @Test
    void aSlotWhoseTypeChangesIsReplacedWholesale() {
        ObjectNode merged = ConfigMerger.merge(BASE, tree("tasks: {type: parity, order: 2}"));
        assertEquals(tree("{type: parity, order: 2}"), merged.get("tasks"));
    }

    @Test
    void aNestedComponentWhoseTypeChangesIsReplacedWholesale() {
        ObjectNode base = tree("model: {type: two-layer-relu, init: {type: gaussian, scale: 2}, width: 5}");
        ObjectNode merged = ConfigMerger.merge(base, tree("model: {init: {type: uniform}}"));
        assertEquals(tree("{type: two-layer-relu, init: {type: uniform}, width: 5}"), merged.get("model"));
        ObjectNode same = ConfigMerger.merge(base, tree("model: {init: {type: gaussian, scale: 3}}"));
        assertEquals(tree("{type: gaussian, scale: 3}"), same.get("model").get("init"));
    }

    @Test
    void probesAreReplacedWholesale() {
        ObjectNode merged = ConfigMerger.merge(BASE, tree("probes: {small: {type: downstream-linear}}"));
        assertEquals(tree("{small: {type: downstream-linear}}"), merged.get("probes"));
        assertEquals(tree("{probes: null}").get("probes"), ConfigMerger.merge(BASE, tree("probes:")).get("probes"));
    }

    @Test
    void listsAndScalarsReplace() {
        ObjectNode merged = ConfigMerger.merge(BASE, tree("model: {steps: [4], loss: hinge}"));
        assertEquals(tree("{type: two-layer-relu, width: 200, loss: hinge, steps: [4]}"), merged.get("model"));
    }

    @Test
    void neitherInputIsModified() {
        ObjectNode base = BASE.deepCopy();
        ObjectNode overlay = tree("model: {width: 400}");
        ObjectNode overlayBefore = overlay.deepCopy();
        ObjectNode merged = ConfigMerger.merge(base, overlay);
        ((ObjectNode) merged.get("model")).put("width", 1);
        assertEquals(BASE, base);
        assertEquals(overlayBefore, overlay);
    }
}
