package org.mtrl.core.plugin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.Experiment;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.runtime.PoolWorkers;

/**
 * A tiny run through the real assembly with one component of the checked jar in its slot and the
 * baseline's components in the others: assembled, prepared, trained and probed twice, nothing recorded.
 * The run must finish and give the same metrics both times.
 */
final class CheckExperiment {
    private final PluginRegistry registry;
    private final List<ObjectNode> baseline;

    /**
     * @param registry the installed plugins and the checked jar
     * @param baseline configuration layers of a tiny run on installed components (defaults, then a preset)
     */
    CheckExperiment(PluginRegistry registry, List<ObjectNode> baseline) {
        this.registry = registry;
        this.baseline = baseline;
    }

    /**
     * Runs the baseline with {@code kind}'s slot set to {@code type} (for a probe: the probes set to it
     * alone) twice, and returns the metrics.
     *
     * @throws IllegalStateException naming the difference if the two runs disagree
     * @throws RuntimeException      whatever the run threw (a configuration error, a failed run)
     */
    Map<String, Double> runTwice(ComponentKind<?> kind, String type) {
        ObjectNode layer = JsonNodeFactory.instance.objectNode();
        if (kind.equals(ComponentKind.PROBE)) {
            layer.putObject("probes").putObject(type).put("type", type);
        } else {
            layer.putObject(kind.name()).put("type", type);
        }
        // a slot whose type changes drops the baseline's keys; a layer's probes replace the baseline's
        List<ObjectNode> layers = new ArrayList<>(baseline);
        layers.add(layer);
        RunConfig config = new ConfigResolver(registry).resolve(layers, List.of());
        Map<String, Double> first = run(config);
        Map<String, Double> again = run(config);
        if (!first.equals(again)) {
            throw new IllegalStateException("two runs of one seed gave different metrics: " + first + " then " + again);
        }
        return first;
    }

    private static Map<String, Double> run(RunConfig config) {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            Experiment experiment = new RunEngine(workers, ProgressListener.NONE).assemble(config);
            return experiment.run(experiment.prepare()).metrics();
        }
    }
}
