package org.mtrl.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.runtime.PoolWorkers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtrl run}: one experiment, recorded in a new run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one experiment and record it under the output folder.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "[CONFIG|PRESET] [KEY=VALUE...]",
            description = "a config file (YAML or JSON) or preset name (${COMPLETION-CANDIDATES}), then overrides "
                    + "such as model.width=400 or tasks.type=parity",
            completionCandidates = PresetNames.class)
    List<String> arguments = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs",
            description = "folder that receives the run folder (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: all cores); results do not depend on it")
    Integer threads;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = plugins.registryReporting(spec.commandLine().getErr());
        ConfigSource source = ConfigSource.of(arguments);
        RunConfig config = source.resolve(registry);
        int n = Threads.resolve(threads);
        try (PoolWorkers workers = new PoolWorkers(n);
             ConsoleProgress.Handle progress = ConsoleProgress.create(quiet)) {
            RunEngine.Outcome outcome = new RunEngine(workers, progress.listener()).run(config, output);
            out.println("run of " + source.description() + " finished (" + n + " threads)");
            for (Map.Entry<String, Double> metric : outcome.result().metrics().entrySet()) {
                out.printf("  %-40s %.6g%n", metric.getKey(), metric.getValue());
            }
            MetricNotes.of(outcome.result().metrics()).forEach(out::println);
            out.println("results: " + outcome.folder());
        }
        return ExitCodes.OK;
    }

    /** The preset names, for help and completion. */
    static final class PresetNames extends ArrayList<String> {
        PresetNames() {
            super(ConfigSource.PRESET_NAMES);
        }
    }
}
