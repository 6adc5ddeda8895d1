package org.mtrl.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.runtime.PoolWorkers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mtrl config}: the resolved configuration, every default filled in, without running anything. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the resolved configuration (YAML) with every default filled in, "
                + "after the checks 'mtrl run' makes before any work.")
final class ConfigCommand implements Callable<Integer> {

    @Parameters(paramLabel = "[CONFIG|PRESET] [KEY=VALUE...]", description = "as for 'mtrl run'")
    List<String> arguments = new ArrayList<>();

    @Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registryReporting(spec.commandLine().getErr());
        RunConfig config = ConfigSource.of(arguments).resolve(registry);
        // the checks 'mtrl run' makes before any work, so that what is printed can run
        String sampling;
        try (PoolWorkers workers = new PoolWorkers(1)) {
            sampling = new RunEngine(workers, ProgressListener.NONE).check(config).sampling().description();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ConfigTrees.toYaml(config.tree()));
        out.println("# sampling used: " + sampling); // what 'sampling: auto' chooses for these components
        out.flush();
        return ExitCodes.OK;
    }
}
