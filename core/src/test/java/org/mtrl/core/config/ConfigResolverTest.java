package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtrl.core.config.TestPlugins.BASE;
import static org.mtrl.core.config.TestPlugins.assertConfigError;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.config.TestPlugins.DownstreamParams;
import org.mtrl.core.config.TestPlugins.GaussianParams;
import org.mtrl.core.config.TestPlugins.ModelParams;
import org.mtrl.core.config.TestPlugins.NoParams;
import org.mtrl.core.config.TestPlugins.OptimizerParams;
import org.mtrl.core.config.TestPlugins.ParityParams;
import org.mtrl.core.config.TestPlugins.ThresholdParams;
import org.mtrl.core.plugin.LoadedPlugin;
import org.mtrl.core.plugin.PluginRegistry;

class ConfigResolverTest {
    private final ConfigResolver resolver = new ConfigResolver(TestPlugins.registry());

    private static ObjectNode tree(String yaml) {
        return ConfigTrees.parse(yaml, "test");
    }

    /** BASE with the given overrides. */
    private RunConfig resolve(String... overrides) {
        return resolver.resolve(List.of(tree(BASE)), List.of(overrides));
    }

    @Test
    void resolvesEverySlotWithDefaultsFilledIn() {
        RunConfig config = resolve();
        assertEquals(3, config.seed());
        assertEquals("gaussian", config.data().type());
        assertEquals(ComponentKind.DATA, config.data().kind());
        assertEquals(new GaussianParams(100, 5), config.data().parameters());
        assertEquals(new ThresholdParams(50, 0.0), config.tasks().parameters());
        assertEquals(new ModelParams(200, "logistic", 1.0, false, 5_000_000_000L, List.of(0.5, 1.0), null),
                config.model().parameters());
        assertEquals(new OptimizerParams(1, 2000, 2000), config.optimizer().parameters());
        assertEquals(List.of("subspace-distance", "small"), List.copyOf(config.probes().keySet()));
        assertEquals(new NoParams(), config.probes().get("subspace-distance").parameters());
        assertEquals("downstream-linear", config.probes().get("small").type());
        assertEquals("probes.small", config.probes().get("small").path());
        assertEquals(new DownstreamParams(List.of(50), 0.01), config.probes().get("small").parameters());
    }

    @Test
    void theResolvedTreeHoldsEveryTypeAndParameter() {
        assertEquals(tree("""
                seed: 3
                divergenceGrowth: 1000000.0
                sampling: auto
                data: {type: gaussian, dim: 100, rank: 5}
                tasks: {type: linear-threshold, count: 50, labelNoise: 0.0}
                model: {type: two-layer-relu, width: 200, loss: logistic, initScale: 1.0, trainBias: false,
                        budget: 5000000000, steps: [0.5, 1.0], decay: null}
                optimizer: {type: multitask-alternating, rounds: 1, headSamples: 2000, repSamples: 2000}
                probes:
                  subspace-distance: {type: subspace-distance}
                  small: {type: downstream-linear, samples: [50], ridge: 0.01}
                """), resolve().tree());
    }

    @Test
    void aConfigurationRoundTripsThroughYamlAndJson() {
        RunConfig config = resolve("model.width=400", "model.decay=0.5", "tasks.type=parity", "tasks.order=3",
                "probes.small.samples=[10, 20]");
        RunConfig fromYaml = resolver.resolve(ConfigTrees.parse(ConfigTrees.toYaml(config.tree()), "record.yaml"));
        RunConfig fromJson = resolver.resolve(ConfigTrees.parse(ConfigTrees.toJson(config.tree()), "record.json"));
        assertEquals(config, fromYaml);
        assertEquals(config.tree(), fromYaml.tree());
        assertEquals(config, fromJson);
        assertEquals(new ParityParams(50, 3), fromYaml.tasks().parameters());
    }

    @Test
    void layersMergeInOrderThenOverridesApply() {
        ObjectNode layer = tree("model: {width: 300, loss: hinge}\nprobes: {pretrain-loss: {}}");
        RunConfig config = resolver.resolve(List.of(tree(BASE), layer), List.of("model.width=400", "seed=9"));
        ModelParams model = (ModelParams) config.model().parameters();
        assertEquals(400, model.width());
        assertEquals("hinge", model.loss());
        assertEquals(9, config.seed());
        assertEquals(List.of("pretrain-loss"), List.copyOf(config.probes().keySet()));
    }

    @Test
    void theSeedDefaultsToOneAndMustBeAnInteger() {
        assertEquals(1, resolver.resolve(tree(BASE.replace("seed: 3", ""))).seed());
        assertEquals(-5_000_000_000L, resolve("seed=-5000000000").seed());
        assertConfigError(() -> resolve("seed=abc"), "seed: expected an integer, got \"abc\"");
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() {
        ConfigException e = assertConfigError(() -> resolver.resolve(tree(BASE + "sed: 4\n")));
        assertEquals("sed: unknown top-level key 'sed'; allowed: seed, divergenceGrowth, sampling, data, tasks, model, "
                + "optimizer, probes;"
                + " did you mean 'seed'?", e.getMessage());
    }

    @Test
    void anUnknownSlotKeyIsAnErrorWithASuggestion() {
        assertConfigError(() -> resolve("tasks.cout=5"),
                "tasks.cout: unknown parameter 'cout'; allowed: count, labelNoise; did you mean 'count'?");
    }

    @Test
    void parameterErrorsNameTheirPath() {
        assertConfigError(() -> resolve("model.width=abc"), "model.width: expected an integer, got \"abc\"");
        assertConfigError(() -> resolve("model.width=0"), "model.width: value 0 is out of range; allowed: >= 1");
        assertConfigError(() -> resolve("model.initScale=.nan"), "model.initScale: must be a finite number");
        assertConfigError(() -> resolve("model.loss=logistc"), "model.loss: unknown value 'logistc'", "did you mean 'logistic'?");
        assertConfigError(() -> resolve("probes.small.samples=[]"), "probes.small.samples: must not be empty");
        assertConfigError(() -> resolve("tasks.type=parity"), "tasks.order: missing required parameter");
        assertConfigError(() -> resolve("data.dim=3"), "data: rank=5 exceeds dim=3");
        assertConfigError(() -> resolve("divergenceGrowth=1"), "divergenceGrowth: value 1 is out of range; allowed: > 1");
        assertConfigError(() -> resolve("divergenceGrowth=.inf"), "divergenceGrowth: must be a finite number");
        assertEquals(50.0, resolve("divergenceGrowth=50").divergenceGrowth());
    }

    @Test
    void aSlotNeedsAKnownType() {
        assertConfigError(() -> resolve("tasks.type=parit"), "tasks.type: unknown tasks type 'parit'; available:"
                + " biased-threshold, linear-threshold, parity, relu-teacher; did you mean 'parity'?");
        assertConfigError(() -> resolver.resolve(tree(BASE.replace("model: {type: two-layer-relu}", "model: {width: 3}"))),
                "model: missing 'type'; available: two-layer-relu");
        assertConfigError(() -> resolver.resolve(tree(BASE.replace("optimizer: {type: multitask-alternating}", ""))),
                "optimizer: missing 'type'; available: multitask-alternating");
        assertConfigError(() -> resolve("tasks.type=5"), "tasks.type: expected a string, got 5; available:");
        assertConfigError(() -> resolve("model=two-layer-relu"),
                "model: expected a mapping with a 'type' key, got \"two-layer-relu\"; available types: two-layer-relu");
    }

    @Test
    void aTypeClaimedByTwoPluginsNamesBothOrigins() {
        List<ComponentFactory<?, ?>> other = List.of(ComponentFactory.of(ComponentKind.TASKS, "parity", "other parities",
                ParityParams.class, (p, ctx) -> mock(TaskFamily.class)));
        PluginRegistry registry = PluginRegistry.of(List.of(new LoadedPlugin(TestPlugins.plugin("test-plugin",
                TestPlugins.factories()), "test"), new LoadedPlugin(TestPlugins.plugin("other-plugin", other), "other.jar")),
                List.of());
        ConfigResolver conflicted = new ConfigResolver(registry);
        ObjectNode parity = Overrides.apply(tree(BASE), List.of("tasks.type=parity", "tasks.order=2"));
        assertConfigError(() -> conflicted.resolve(parity), "tasks.type: tasks type 'parity' is provided by more than one"
                + " plugin: tasks/parity from plugin 'test-plugin' (test) and tasks/parity from plugin 'other-plugin'"
                + " (other.jar)");
        assertEquals("linear-threshold", conflicted.resolve(tree(BASE)).tasks().type());
    }

    @Test
    void aProbesTypeDefaultsToItsName() {
        RunConfig config = resolve("probes.pretrain-loss=null", "probes.other={type: pretrain-loss}");
        assertEquals(List.of("subspace-distance", "small", "pretrain-loss", "other"), List.copyOf(config.probes().keySet()));
        assertEquals("pretrain-loss", config.probes().get("pretrain-loss").type());
        assertEquals("pretrain-loss", config.probes().get("other").type());
        assertConfigError(() -> resolve("probes.subspace-distanse={}"), "probes.subspace-distanse.type: unknown probe"
                + " type 'subspace-distanse'; available: downstream-linear, pretrain-loss, subspace-distance;"
                + " did you mean 'subspace-distance'?");
    }

    @Test
    void probesMayBeAbsentEmptyOrNull() {
        assertTrue(resolve("probes={}").probes().isEmpty());
        assertTrue(resolve("probes=null").probes().isEmpty());
        assertTrue(resolver.resolve(tree(BASE.substring(0, BASE.indexOf("probes:")))).probes().isEmpty());
        assertEquals(tree("{}"), resolve("probes=null").tree().get("probes"));
    }

    @Test
    void probeNamesAreLowerCaseWords() {
        assertConfigError(() -> resolve("probes.Small={type: pretrain-loss}"),
                "probes.Small: probe name 'Small' must be lower-case letters, digits and '-', starting with a letter");
        assertConfigError(() -> resolve("probes=[subspace-distance]"),
                "probes: expected a mapping from probe names to settings, got [\"subspace-distance\"]");
    }

    @Test
    void errorsComeInAFixedOrder() {
        assertConfigError(() -> resolver.resolve(Overrides.apply(tree(BASE), List.of("extra=1", "seed=x"))), "extra:");
        assertConfigError(() -> resolve("seed=x", "data.dim=0"), "seed:");
        assertConfigError(() -> resolve("probes.small.ridge=0", "optimizer.rounds=0", "model.width=0", "tasks.count=0",
                "data.dim=0"), "data.dim:");
        assertConfigError(() -> resolve("probes.small.ridge=0", "optimizer.rounds=0", "model.width=0", "tasks.count=0"),
                "tasks.count:");
        assertConfigError(() -> resolve("probes.small.ridge=0", "optimizer.rounds=0", "model.width=0"), "model.width:");
        assertConfigError(() -> resolve("probes.small.ridge=0", "optimizer.rounds=0"), "optimizer.rounds:");
    }

    @Test
    void aResolvedSlotCreatesItsComponentFromTheBoundParameters() {
        RunConfig config = resolve("tasks.count=7");
        assertEquals(7, config.tasks().create(new ComponentContext(null, null)).count());
    }

    @Test
    void theInputTreeIsNotModified() {
        ObjectNode input = tree(BASE);
        ObjectNode before = input.deepCopy();
        resolver.resolve(input);
        assertEquals(before, input);
    }
}
