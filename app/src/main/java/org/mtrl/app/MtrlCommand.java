package org.mtrl.app;

import java.io.UncheckedIOException;
import org.mtrl.core.assembly.RunFailedException;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.record.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code mtrl} command: only subcommands. */
@Command(name = "mtrl",
        mixinStandardHelpOptions = true,
        versionProvider = MtrlCommand.Version.class,
        description = "Multi-task representation learning experiments (Collins et al., ICML 2024).",
        subcommands = {RunCommand.class, ConfigCommand.class, PluginsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
final class MtrlCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, config, plugins)");
    }

    /** A command line whose errors map to mtrl's exit codes, with one-line messages, never stack traces. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MtrlCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof RunFailedException || e instanceof UncheckedIOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
            commandLine.getErr().println("error: unexpected failure: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCodes.RUN_FAILED;
        });
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.RUN_FAILED);
        return cli;
    }

    /** The version stamped into core by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mtrl " + Provenance.version(), "Java " + System.getProperty("java.version")};
        }
    }
}
