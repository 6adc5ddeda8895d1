package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtrl.core.config.TestPlugins.assertConfigError;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {
    private static final ObjectNode BASE = ConfigTrees.parse("""
            seed: 1
            tasks: {type: linear-threshold, count: 5, labelNoise: 0.1}
            model: {type: two-layer-relu, width: 200}
            probes: {small: {type: downstream-linear, samples: [50]}}
            """, "base");

    private static ObjectNode tree(String yaml) {
        return ConfigTrees.parse(yaml, "expected");
    }

    @Test
    void parsesValuesAsYamlFlowValues() {
        ObjectNode result = Overrides.apply(BASE, List.of("seed=7", "model.width=400", "model.initScale=0.5",
                "model.trainBias=true", "model.loss=hinge", "model.steps=[0.5, 1]", "model.decay=null",
                "model.extra={a: 1}", "model.quoted='123'", "model.name=a=b"));
        ObjectNode model = (ObjectNode) result.get("model");
        assertTrue(result.get("seed").isInt());
        assertEquals(7, result.get("seed").intValue());
        assertTrue(model.get("width").isInt());
        assertEquals(400, model.get("width").intValue());
        assertTrue(model.get("initScale").isDouble());
        assertEquals(0.5, model.get("initScale").doubleValue());
        assertTrue(model.get("trainBias").isBoolean());
        assertEquals(tree("{a: hinge, b: [0.5, 1], c: null, d: {a: 1}, e: '123', f: a=b}"),
                tree("{}").put("a", model.get("loss").textValue()).<ObjectNode>set("b", model.get("steps"))
                        .<ObjectNode>set("c", model.get("decay")).<ObjectNode>set("d", model.get("extra"))
                        .<ObjectNode>set("e", model.get("quoted")).set("f", model.get("name")));
    }

    @Test
    void createsMissingMappings() {
        ObjectNode result = Overrides.apply(tree("probes:\n"), List.of("probes.downstream-linear.samples=[100,300]",
                "optimizer.rounds=3"));
        assertEquals(tree("{probes: {downstream-linear: {samples: [100, 300]}}, optimizer: {rounds: 3}}"), result);
    }

    @Test
    void aTypeChangeReplacesTheSlotBeforeTheOtherOverridesApply() {
        ObjectNode result = Overrides.apply(BASE, List.of("tasks.count=9", "tasks.type=parity", "tasks.order=2"));
        assertEquals(tree("{type: parity, count: 9, order: 2}"), result.get("tasks"));
    }

    @Test
    void theSameTypeKeepsTheSlot() {
        ObjectNode result = Overrides.apply(BASE, List.of("tasks.type=linear-threshold", "tasks.count=9"));
        assertEquals(tree("{type: linear-threshold, count: 9, labelNoise: 0.1}"), result.get("tasks"));
    }

    @Test
    void aProbeTypeChangeReplacesThatProbe() {
        ObjectNode result = Overrides.apply(BASE, List.of("probes.small.type=pretrain-loss"));
        assertEquals(tree("{small: {type: pretrain-loss}}"), result.get("probes"));
    }

    @Test
    void aNestedComponentTypeChangeReplacesThatComponent() {
        ObjectNode nested = Overrides.apply(BASE, List.of("probes.small.tasks={type: parity, order: 2}"));
        ObjectNode result = Overrides.apply(nested, List.of("probes.small.tasks.hidden=3",
                "probes.small.tasks.type=relu-teacher"));
        assertEquals(tree("{type: relu-teacher, hidden: 3}"), result.get("probes").get("small").get("tasks"));
        ObjectNode kept = Overrides.apply(nested, List.of("probes.small.tasks.type=parity"));
        assertEquals(tree("{type: parity, order: 2}"), kept.get("probes").get("small").get("tasks"));
    }

    @Test
    void laterOverridesWinAndTheInputIsUnchanged() {
        ObjectNode before = BASE.deepCopy();
        ObjectNode result = Overrides.apply(BASE, List.of("seed=2", "seed=3"));
        assertEquals(3, result.get("seed").intValue());
        assertEquals(before, BASE);
    }

    @Test
    void rejectsMalformedOverridesNamingTheExpectedForm() {
        for (String bad : List.of("model.width", "=5", "model..width=3", ".seed=1", "seed.=1")) {
            assertConfigError(() -> Overrides.apply(BASE, List.of(bad)), "malformed override '" + bad + "'",
                    "expected key.path=value, e.g. model.width=400");
        }
    }

    @Test
    void rejectsAnUnparsableValue() {
        assertConfigError(() -> Overrides.apply(BASE, List.of("model.steps=[1, 2")),
                "override 'model.steps=[1, 2': line 1, column 6: expected ',' or ']'");
    }

    @Test
    void rejectsAKeyInsideAValue() {
        assertConfigError(() -> Overrides.apply(BASE, List.of("seed.value=1")),
                "seed: override 'seed.value=1' sets a key inside 1, which is not a mapping");
    }
}
