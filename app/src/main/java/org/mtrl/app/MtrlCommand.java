package org.mtrl.app;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mtrl.core.assembly.RunFailedException;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.DidYouMean;
import org.mtrl.core.config.Messages;
import org.mtrl.core.MtrlVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code mtrl} command: only subcommands. */
@Command(name = "mtrl",
        mixinStandardHelpOptions = true,
        versionProvider = MtrlCommand.Version.class,
        description = "Multi-task representation learning experiments (Collins et al., ICML 2024).")
final class MtrlCommand implements Runnable {
    private static final int MAX_USAGE_ERROR = 300;
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, SweepCommand.class, ShowCommand.class,
            PlotCommand.class, ReportCommand.class, ConfigCommand.class, PluginsCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required (" + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    /** A command line with every subcommand: see {@link #commandLine(String...)}. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A command line whose errors map to mtrl's exit codes, with one-line messages, never stack traces,
     * for {@code args}. Picocli reads every subcommand's annotations by reflection when it is added, which
     * took 0.2-0.3 s of each start (interpreted, at start-up): when the first argument names a subcommand,
     * only that one is added, as the others cannot run; otherwise (no command, a mistyped one, options,
     * {@code help}, which describes the others) all are.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new MtrlCommand());
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && args[0].equals(c.getAnnotation(Command.class).name()))
                .findFirst().orElse(null);
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || subcommand == named) {
                cli.addSubcommand(subcommand);
            }
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof RunFailedException || e instanceof UncheckedIOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
            if (e instanceof ProcessGuard.ComponentExit) {
                // a component tried to end the process outside any run (e.g. while loading plugins)
                commandLine.getErr().println("error: a plugin " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
            commandLine.getErr().println("error: unexpected failure: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCodes.RUN_FAILED;
        });
        cli.setParameterExceptionHandler(MtrlCommand::usageError);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.RUN_FAILED);
        return cli;
    }

    /**
     * A command line picocli cannot parse (unknown option, missing or malformed option value): one
     * error line like every other, with picocli's suggestion, instead of its message plus the usage.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        String suggestion = e instanceof CommandLine.UnmatchedArgumentException unmatched
                ? suggestion(unmatched).map(s -> "; did you mean '" + s + "'?").orElse("") : "";
        failed.getErr().println("error: " + Messages.text(String.valueOf(e.getMessage()), MAX_USAGE_ERROR)
                + suggestion + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.BAD_INPUT;
    }

    /**
     * Picocli's suggestion, or for a mistyped command the closest command name: picocli's similarity
     * measure finds nothing for short words such as {@code rn}.
     */
    private static Optional<String> suggestion(CommandLine.UnmatchedArgumentException e) {
        if (!e.getSuggestions().isEmpty()) {
            return Optional.of(e.getSuggestions().get(0));
        }
        Map<String, CommandLine> commands = e.getCommandLine().getSubcommands();
        List<String> unmatched = e.getUnmatched();
        return commands.isEmpty() || unmatched.isEmpty() ? Optional.empty()
                : DidYouMean.suggest(unmatched.get(0), commands.keySet());
    }

    /** The version stamped into core by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mtrl " + MtrlVersion.current(), "Java " + System.getProperty("java.version")};
        }
    }
}
