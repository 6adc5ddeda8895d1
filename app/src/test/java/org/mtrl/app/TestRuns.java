package org.mtrl.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.Experiment;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.assembly.RunResult;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.runtime.PoolWorkers;

/** Runs experiments in-process with the default plugins, without writing run folders. */
public final class TestRuns {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover(TestRuns.class.getClassLoader(), null, false);

    private TestRuns() {
    }

    /** The resolved configuration of the built-in defaults with {@code overrides}. */
    public static RunConfig config(String... overrides) {
        ObjectNode defaults = ConfigTrees.builtInDefaults();
        return new ConfigResolver(REGISTRY).resolve(List.of(defaults), Arrays.asList(overrides));
    }

    /** Runs the defaults with {@code overrides} on {@code threads} threads. */
    public static RunResult run(int threads, String... overrides) {
        RunConfig config = config(overrides);
        try (PoolWorkers workers = new PoolWorkers(threads)) {
            Experiment experiment = new RunEngine(workers, ProgressListener.NONE).assemble(config);
            return experiment.run(experiment.prepare());
        }
    }

    /** The metric {@code name} of runs with seeds 1..seeds, each with {@code overrides}. */
    public static double[] overSeeds(int seeds, String metric, String... overrides) {
        double[] values = new double[seeds];
        for (int s = 1; s <= seeds; s++) {
            List<String> all = new ArrayList<>(Arrays.asList(overrides));
            all.add("seed=" + s);
            Map<String, Double> metrics = run(2, all.toArray(String[]::new)).metrics();
            Double value = metrics.get(metric);
            if (value == null) {
                throw new IllegalArgumentException("no metric " + metric + " in " + metrics.keySet());
            }
            values[s - 1] = value;
        }
        return values;
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
