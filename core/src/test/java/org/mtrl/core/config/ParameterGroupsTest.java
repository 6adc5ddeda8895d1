package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;

class ParameterGroupsTest {

    /** A shared set of parameters. */
    record Schedule(@Param(value = "rounds", defaultValue = "1", min = 1) int rounds,
                    @Param(value = "step", defaultValue = "0.5", min = 0, minExclusive = true) double step) {
        Schedule {
            if (rounds > 5 && step > 1) {
                throw new IllegalArgumentException("rounds=" + rounds + " with step=" + step + " diverges");
            }
        }
    }

    /** A factory's parameters that reuse the schedule. */
    record WithGroup(@Param(value = "which task", defaultValue = "0", min = 0) int task,
                     @ParamGroup("the schedule") Schedule schedule,
                     @Param(value = "a name", defaultValue = "x") String label) {
    }

    record Clash(@Param(value = "rounds again", defaultValue = "2") int rounds,
                 @ParamGroup("the schedule") Schedule schedule) {
    }

    record NotARecord(@ParamGroup("not a record") String group) {
    }

    private static ObjectNode tree(String yaml) {
        return ConfigTrees.parse(yaml, "test");
    }

    @Test
    void aGroupsParametersBindAtTheRecordsLevel() {
        WithGroup bound = ParameterBinder.bind(WithGroup.class, tree("{task: 3, rounds: 4, label: y}"), "optimizer");
        assertEquals(new WithGroup(3, new Schedule(4, 0.5), "y"), bound);
        assertEquals(List.of("task", "rounds", "step", "label"),
                ParameterBinder.describe(WithGroup.class).stream().map(ParameterInfo::name).toList());
        assertEquals(tree("{task: 0, rounds: 1, step: 0.5, label: x}"), ParameterBinder.defaults(WithGroup.class));
    }

    @Test
    void theTreeOfABoundRecordIsFlatAndBindsBackToItself() {
        WithGroup bound = ParameterBinder.bind(WithGroup.class, tree("{step: 0.25}"), "optimizer");
        ObjectNode flat = ParameterBinder.toTree(bound);
        assertEquals(tree("{task: 0, rounds: 1, step: 0.25, label: x}"), flat);
        assertEquals(bound, ParameterBinder.bind(WithGroup.class, flat, "optimizer"));
    }

    @Test
    void errorsInsideAGroupNameTheKeyAtTheRecordsLevel() {
        ConfigException range = assertThrows(ConfigException.class,
                () -> ParameterBinder.bind(WithGroup.class, tree("{step: 0}"), "optimizer"));
        assertTrue(range.getMessage().startsWith("optimizer.step: "), range.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ParameterBinder.bind(WithGroup.class, tree("{rouds: 2}"), "optimizer"));
        assertTrue(unknown.getMessage().contains("optimizer.rouds") && unknown.getMessage().contains("did you mean 'rounds'"),
                unknown.getMessage());
        ConfigException cross = assertThrows(ConfigException.class,
                () -> ParameterBinder.bind(WithGroup.class, tree("{rounds: 6, step: 2}"), "optimizer"));
        assertEquals("optimizer: rounds=6 with step=2.0 diverges", cross.getMessage());
    }

    @Test
    void defectiveGroupsAreRejected() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ParameterBinder.describe(Clash.class));
        assertTrue(twice.getMessage().contains("'rounds'") && twice.getMessage().contains("declared twice"),
                twice.getMessage());
        IllegalArgumentException notRecord = assertThrows(IllegalArgumentException.class,
                () -> ParameterBinder.bind(NotARecord.class, JsonNodeFactory.instance.objectNode(), "x"));
        assertTrue(notRecord.getMessage().contains("must be a record"), notRecord.getMessage());
    }
}
