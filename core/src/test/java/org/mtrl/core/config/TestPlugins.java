package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.plugin.LoadedPlugin;
import org.mtrl.core.plugin.PluginRegistry;

/** Small plugins whose parameter records cover every value type and constraint the binder supports. */
final class TestPlugins {

    private TestPlugins() {
    }

    record GaussianParams(
            @Param(value = "input dimension d", defaultValue = "100", min = 1) int dim,
            @Param(value = "rank r", defaultValue = "5", min = 1) int rank) {

        GaussianParams {
            if (rank > dim) {
                throw new IllegalArgumentException("rank=" + rank + " exceeds dim=" + dim);
            }
        }
    }

    record ThresholdParams(
            @Param(value = "number of tasks T", defaultValue = "50", min = 1) int count,
            @Param(value = "label flip probability", defaultValue = "0", min = 0, max = 0.5) double labelNoise) {
    }

    record ParityParams(
            @Param(value = "number of tasks T", defaultValue = "50", min = 1) int count,
            @Param(value = "coordinates multiplied") int order) {
    }

    record TeacherParams(
            @Param(value = "number of tasks T", defaultValue = "50", min = 1) int count,
            @Param(value = "teacher hidden units", defaultValue = "4", min = 1) int hidden) {
    }

    record ModelParams(
            @Param(value = "hidden units m", defaultValue = "200", min = 1) int width,
            @Param(value = "training loss", defaultValue = "logistic", allowed = {"hinge", "logistic", "squared"})
            String loss,
            @Param(value = "initial weight scale", defaultValue = "1", min = 0, minExclusive = true) double initScale,
            @Param(value = "whether biases train", defaultValue = "false") boolean trainBias,
            @Param(value = "sample budget", defaultValue = "5000000000", min = 1) long budget,
            @Param(value = "step sizes", defaultValue = "[0.5, 1]", min = 0, minExclusive = true) List<Double> steps,
            @Param(value = "weight decay; null means 1/step", defaultValue = "null", min = 0) Double decay) {
    }

    record OptimizerParams(
            @Param(value = "rounds K", defaultValue = "1", min = 1) int rounds,
            @Param(value = "head samples n1", defaultValue = "2000", min = 1) int headSamples,
            @Param(value = "representation samples n2", defaultValue = "2000", min = 1) int repSamples) {
    }

    record DownstreamParams(
            @Param(value = "downstream sample sizes n3", defaultValue = "[100, 300]", min = 1) List<Integer> samples,
            @Param(value = "ridge penalty", defaultValue = "0.01", min = 0, minExclusive = true) double ridge) {
    }

    record NoParams() {
    }

    /** A plugin of the given factories. */
    static Plugin plugin(String name, List<ComponentFactory<?, ?>> factories) {
        return new Plugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ComponentFactory<?, ?>> factories() {
                return factories;
            }
        };
    }

    /** Every factory of the main test plugin; the task family reports the bound count. */
    static List<ComponentFactory<?, ?>> factories() {
        return List.of(
                ComponentFactory.of(ComponentKind.DATA, "gaussian", "Gaussian inputs", GaussianParams.class,
                        (p, ctx) -> mock(DataDistribution.class)),
                ComponentFactory.of(ComponentKind.TASKS, "linear-threshold", "linear thresholds", ThresholdParams.class,
                        (p, ctx) -> family(p.count())),
                ComponentFactory.of(ComponentKind.TASKS, "biased-threshold", "biased thresholds", ThresholdParams.class,
                        (p, ctx) -> family(p.count())),
                ComponentFactory.of(ComponentKind.TASKS, "parity", "parities", ParityParams.class,
                        (p, ctx) -> family(p.count())),
                ComponentFactory.of(ComponentKind.TASKS, "relu-teacher", "ReLU teachers", TeacherParams.class,
                        (p, ctx) -> family(p.count())),
                ComponentFactory.of(ComponentKind.MODEL, "two-layer-relu", "two-layer ReLU network", ModelParams.class,
                        (p, ctx) -> mock(Architecture.class)),
                ComponentFactory.of(ComponentKind.OPTIMIZER, "multitask-alternating", "alternating method",
                        OptimizerParams.class, (p, ctx) -> mock(Optimizer.class)),
                ComponentFactory.of(ComponentKind.PROBE, "subspace-distance", "principal angles", NoParams.class,
                        (p, ctx) -> mock(Probe.class)),
                ComponentFactory.of(ComponentKind.PROBE, "downstream-linear", "downstream accuracy",
                        DownstreamParams.class, (p, ctx) -> mock(Probe.class)),
                ComponentFactory.of(ComponentKind.PROBE, "pretrain-loss", "pretraining loss", NoParams.class,
                        (p, ctx) -> mock(Probe.class)));
    }

    private static TaskFamily family(int count) {
        TaskFamily family = mock(TaskFamily.class);
        when(family.count()).thenReturn(count);
        return family;
    }

    /** A registry of the main test plugin, loaded from origin {@code test}. */
    static PluginRegistry registry() {
        return PluginRegistry.of(List.of(new LoadedPlugin(plugin("test-plugin", factories()), "test")), List.of());
    }

    /** A complete configuration for the test plugins. */
    static final String BASE = """
            seed: 3
            data: {type: gaussian}
            tasks: {type: linear-threshold}
            model: {type: two-layer-relu}
            optimizer: {type: multitask-alternating}
            probes:
              subspace-distance: {}
              small: {type: downstream-linear, samples: [50]}
            """;

    /** Asserts that {@code action} throws a {@link ConfigException} whose message contains every fragment. */
    static ConfigException assertConfigError(Executable action, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, action);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\tat "),
                () -> "message is not one line: " + e.getMessage());
        return e;
    }
}
