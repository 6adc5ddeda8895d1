package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mtrl.core.config.TestPlugins.BASE;
import static org.mtrl.core.config.TestPlugins.assertConfigError;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.NestedComponent;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.plugin.LoadedPlugin;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

/** Component-valued parameters: a probe whose {@code tasks} parameter is a task family of its own. */
class NestedComponentTest {

    record TransferParams(
            @Param(value = "downstream tasks drawn", defaultValue = "3", min = 1) int taskCount,
            @Param(value = "downstream task family; null means the pretraining family", defaultValue = "null")
            NestedComponent<TaskFamily> tasks) {
    }

    record RequiredParams(@Param("the family") NestedComponent<TaskFamily> tasks) {
    }

    record BadDefaultParams(@Param(value = "the family", defaultValue = "{type: parity}") NestedComponent<TaskFamily> tasks) {
    }

    /** The families the transfer probe created, in order. */
    private final List<TaskFamily> created = new ArrayList<>();

    private final ConfigResolver resolver = new ConfigResolver(registry());

    private PluginRegistry registry() {
        List<ComponentFactory<?, ?>> factories = new ArrayList<>(TestPlugins.factories());
        factories.add(ComponentFactory.of(ComponentKind.PROBE, "transfer", "transfer", TransferParams.class,
                (p, ctx) -> {
                    created.add(p.tasks() == null ? null : p.tasks().create(ctx));
                    return mock(Probe.class);
                }));
        factories.add(ComponentFactory.of(ComponentKind.PROBE, "needs-family", "needs a family", RequiredParams.class,
                (p, ctx) -> mock(Probe.class)));
        return PluginRegistry.of(List.of(new LoadedPlugin(TestPlugins.plugin("test-plugin", factories), "test")),
                List.of());
    }

    private RunConfig resolve(String... overrides) {
        return resolver.resolve(List.of(ConfigTrees.parse(BASE, "test")), List.of(overrides));
    }

    private static ObjectNode tree(String yaml) {
        return ConfigTrees.parse(yaml, "expected");
    }

    private TaskFamily create(RunConfig config, String probe) {
        try (PoolWorkers workers = new PoolWorkers(1)) {
            config.probes().get(probe).create(new ComponentContext(new SeededRandomStreams(1), workers));
        }
        return created.get(created.size() - 1);
    }

    @Test
    void aNestedComponentIsResolvedWithItsDefaultsAndCreatesItsComponent() {
        RunConfig config = resolve("probes.t={type: transfer, tasks: {type: parity, order: 2}}");
        TransferParams params = (TransferParams) config.probes().get("t").parameters();
        assertEquals(3, params.taskCount());
        assertEquals("parity", params.tasks().type());
        assertEquals(tree("{type: transfer, taskCount: 3, tasks: {type: parity, count: 50, order: 2}}"),
                config.tree().get("probes").get("t"));
        assertEquals(50, create(config, "t").count());
        assertEquals(config, resolver.resolve((ObjectNode) config.tree()), "the resolved tree resolves back");
    }

    @Test
    void anAbsentOptionalNestedComponentIsNull() {
        RunConfig config = resolve("probes.t={type: transfer}");
        assertNull(((TransferParams) config.probes().get("t").parameters()).tasks());
        assertEquals(tree("{type: transfer, taskCount: 3, tasks: null}"), config.tree().get("probes").get("t"));
        assertNull(create(config, "t"));
    }

    @Test
    void nestedErrorsNameTheNestedKeyPathWithSuggestions() {
        assertConfigError(() -> resolve("probes.t={type: transfer, tasks: {type: relu-teachr}}"),
                "probes.t.tasks.type", "relu-teachr", "did you mean 'relu-teacher'", "available: biased-threshold");
        assertConfigError(() -> resolve("probes.t={type: transfer, tasks: {type: relu-teacher, hiden: 3}}"),
                "probes.t.tasks.hiden", "did you mean 'hidden'", "allowed: count, hidden");
        assertConfigError(() -> resolve("probes.t={type: transfer, tasks: {type: relu-teacher, hidden: 0}}"),
                "probes.t.tasks.hidden", "value 0 is out of range; allowed: >= 1");
        assertConfigError(() -> resolve("probes.t={type: transfer, tasks: {type: parity}}"),
                "probes.t.tasks.order", "missing required parameter");
        assertConfigError(() -> resolve("probes.t={type: transfer, tasks: 3}"),
                "probes.t.tasks", "expected a mapping with a 'type' key, got 3", "available types: biased-threshold");
        assertConfigError(() -> resolve("probes.t={type: transfer, tasks: {count: 3}}"),
                "probes.t.tasks", "missing 'type'");
        assertConfigError(() -> resolve("probes.n={type: needs-family}"), "probes.n.tasks", "missing required");
    }

    @Test
    void listingsShowTheKindAndWhetherItIsOptional() {
        List<ParameterInfo> info = ParameterBinder.describe(TransferParams.class);
        assertEquals("tasks component or null", info.get(1).typeName());
        assertEquals("null", info.get(1).defaultValue());
        assertEquals("tasks component", ParameterBinder.describe(RequiredParams.class).get(0).typeName());
    }

    @Test
    void aNestedComponentDefaultsToNullOrRequiredOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterBinder.describe(BadDefaultParams.class));
        assertTrue(e.getMessage().contains("must be null or required"), e.getMessage());
    }
}
