package org.mtrl.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.ParameterBinder;
import org.mtrl.core.config.ParameterInfo;
import org.mtrl.core.plugin.PluginCheck;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.plugin.RegisteredFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtrl plugins}: every installed component type with its parameters. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered component type, by kind, with its parameters, defaults and description.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    PluginOptions plugins;

    @Option(names = "--check", paramLabel = "JAR",
            description = "validate a plugin jar before use: load it, run each component through the test kit's contract"
                    + " checks and a tiny experiment, and report each check (exit code 1 if any fails)")
    Path check;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = plugins.registry();
        if (check != null) {
            return check(registry, out);
        }
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            out.println(kind.name() + ":");
            for (String type : registry.types(kind)) {
                RegisteredFactory<?> factory = registry.find(kind, type).orElseThrow();
                out.printf("  %s  %s%n", type, factory.factory().description());
                out.printf("      plugin %s (%s)%n", factory.pluginName(), factory.origin());
                for (ParameterInfo p : ParameterBinder.describe(factory.factory().parameters())) {
                    out.printf("      %-14s %-18s %s%s%s%n", p.name(), p.typeName(),
                            p.required() ? "required" : "default " + p.defaultValue(),
                            p.range().isEmpty() ? "" : ", " + p.range(),
                            p.allowed().isEmpty() ? "" : ", one of " + String.join("|", p.allowed()));
                    out.printf("      %-14s %s%n", "", p.description());
                }
            }
        }
        Reports.printLoadProblems(registry, spec.commandLine().getErr());
        return registry.problems().isEmpty() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }

    /**
     * The tiny run each checked component joins (in its own slot): the built-in defaults, the tiny
     * preset, and one cheap probe. Read when a check runs, not when the command line is built (that is
     * done for every command, and the YAML reader's start-up alone took some 0.1 s of each).
     */
    private static List<ObjectNode> checkBaseline() {
        return List.of(ConfigTrees.builtInDefaults(), ConfigTrees.readResource(ConfigSource.PRESETS + "tiny.yaml"),
                ConfigTrees.parse("probes: {subspace-distance: {}}", "the check's probes"));
    }

    private int check(PluginRegistry installed, PrintWriter out) {
        if (!Files.isRegularFile(check)) {
            throw new ConfigException("--check", "no such file: " + check);
        }
        PluginCheck.Report report = PluginCheck.check(check, installed, checkBaseline());
        for (PluginCheck.Finding finding : report.findings()) {
            out.println(switch (finding.level()) {
                case OK -> "ok:    ";
                case NOTE -> "note:  ";
                case ERROR -> "error: ";
            } + finding.text());
        }
        out.println(check + (report.ok() ? ": ok" : ": " + report.errors().size() + " problem(s)"));
        out.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
