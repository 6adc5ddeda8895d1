package org.mtrl.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.sweep.CellRunner;
import org.mtrl.core.sweep.CellRunnerOptions;
import org.mtrl.core.sweep.CellRunners;
import org.mtrl.core.sweep.DerivedValues;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.SweepDefinition;
import org.mtrl.core.sweep.SweepEngine;
import org.mtrl.core.sweep.SweepFolder;
import org.mtrl.core.sweep.SweepSpec;
import org.mtrl.core.sweep.ThresholdEngine;
import org.mtrl.core.sweep.ThresholdSearch;
import org.mtrl.core.sweep.ThresholdTables;
import org.mtrl.core.sweep.TypeAxisValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtrl sweep}: a grid of runs, resumable, in parallel, with its tables written as it goes. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run the grid of a configuration's 'sweep:' block and of KEY=V1,V2 / seed=A..B arguments.",
            "Running it again on the same folder (or 'mtrl sweep SWEEP_DIR') skips finished cells; one process at a time "
                + "per folder, and a folder holding another grid is refused unless --extend grows it."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "[CONFIG|PRESET|SWEEP_DIR] [KEY=VALUE|KEY=V1,V2,...|seed=A..B ...]",
            description = "a config file, preset or existing sweep folder, then overrides and axes, e.g. "
                    + "tasks.count=1,2,5,10 seed=1..5, and search.KEY=VALUE settings of its threshold search, e.g. "
                    + "search.max=409600")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "the sweep folder (default: sweeps/<preset or file name>, or SWEEP_DIR)")
    Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "cores to use (default: all); cells run in parallel; results do not depend on it")
    Integer threads;

    @Option(names = "--runner", paramLabel = "NAME",
            description = "where cells run: local (this machine, the default) or spark (with --master); see docs/distributed.md")
    String runner = CellRunners.DEFAULT;

    @Option(names = "--master", paramLabel = "URL",
            description = "the Spark master of --runner spark: local[N] or spark://host:port")
    String master;

    @Option(names = "--fail-fast", description = "stop starting cells after the first failure")
    boolean failFast;

    @Option(names = "--extend", description = "grow the folder's grid to hold this sweep's cells too, or let its "
            + "threshold searches go on to a larger search.max or smaller search.ratio (its finished cells are kept); "
            + "without it a folder holding another grid or search is refused")
    boolean extend;

    @Option(names = "--quiet", description = "no progress output (failures are still reported)")
    boolean quiet;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS",
            description = "record a cell that runs longer than this as failed, naming the component it was in, "
                    + "and go on (local runner; default: no limit)")
    Double cellTimeout;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "10000",
            description = "refuse a grid of more cells than this (default: ${DEFAULT-VALUE}); raise it to confirm")
    int maxCells;

    @Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PluginRegistry registry = plugins.registryReporting(err);
        List<String> axes = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String argument : arguments) {
            // a search setting first: search.key=a=b would otherwise read as the linked axis search.key=a
            (!ThresholdSearch.isSetting(argument) && SweepSpec.isAxisArgument(argument) ? axes : rest).add(argument);
        }
        Path folder;
        SweepDefinition definition;
        String description;
        if (!rest.isEmpty() && !rest.get(0).contains("=") && SweepDefinition.isSweep(Path.of(rest.get(0)))) {
            folder = output != null ? output : Path.of(rest.get(0));
            List<String> settings = rest.subList(1, rest.size());
            for (String argument : settings) {
                if (!ThresholdSearch.isSetting(argument)) {
                    throw new ConfigException(argument, "an existing sweep's base configuration cannot be changed; "
                            + "only axes (KEY=V1,V2 or seed=A..B) may be added, and with --extend its search's "
                            + "search.max raised or search.ratio lowered");
                }
            }
            definition = SweepDefinition.read(Path.of(rest.get(0)));
            definition = definition.withSpec(withAxes(definition.spec(), axes));
            if (!settings.isEmpty()) {
                ThresholdSearch held = definition.search();
                definition = definition.withSearch(
                        ThresholdSearch.fromBlock(held == null ? null : held.toBlock(), settings));
            }
            description = "sweep " + rest.get(0);
        } else {
            ConfigSource source = ConfigSource.forSweep(rest);
            RunConfig base = source.resolve(registry);
            folder = output != null ? output : Path.of("sweeps", source.name());
            SweepSpec grid = withAxes(SweepSpec.fromBlock(source.sweep()), axes);
            DerivedValues derived = source.derived(grid);
            ThresholdSearch search = source.search();
            List<String> overrides = new ArrayList<>(TypeAxisValues.of(source.given(), grid,
                    SweepDefinition.computedKeys(derived, search), source.overrides()));
            overrides.addAll(source.overrides());
            definition = new SweepDefinition(base.tree(), overrides, grid, source.figures(), derived, search);
            description = source.description();
        }
        checkSize(definition.spec().size());
        int n = Threads.resolve(threads);
        CellRunner cells = CellRunners.discover(SweepCommand.class.getClassLoader())
                .create(runner, new CellRunnerOptions(n, master, plugins.directory(), cellTimeout()));
        ConfigResolver resolver = new ConfigResolver(registry);
        try (SweepFolder owned = SweepFolder.claim(folder)) {
            definition = owned.reconcile(definition, extend, resolver);
            checkSize(definition.spec().size());
            if (definition.search() != null) {
                ThresholdEngine.Outcome outcome = new ThresholdEngine(resolver, cells, SweepConsole.create(err, quiet))
                        .run(folder, definition);
                return searched(out, description, folder, definition.search(), outcome, n);
            }
            SweepEngine.Outcome outcome = new SweepEngine(resolver, cells, failFast, SweepConsole.create(err, quiet))
                    .run(folder, definition);
            return swept(out, description, folder, outcome, n);
        }
    }

    private static int swept(PrintWriter out, String description, Path folder, SweepEngine.Outcome outcome, int n) {
        out.printf("sweep of %s: %d cells; %d ran, %d already finished, %d failed (%d threads)%n", description,
                outcome.rows().size(), outcome.ran(), outcome.reused(), outcome.failed(), n);
        outcome.rows().stream().filter(r -> r.result() != null && !r.result().ok())
                .forEach(r -> out.printf("  failed: %s: %s%n", r.cell().describe(), r.result().error()));
        if (outcome.stopped()) {
            out.println("  stopped after the first failure (--fail-fast); run again to continue");
        }
        out.println("summary: " + folder.resolve(SummaryTable.SUMMARY));
        return outcome.failed() > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
    }

    private static int searched(PrintWriter out, String description, Path folder, ThresholdSearch search,
                                ThresholdEngine.Outcome outcome, int n) {
        long reached = outcome.searches().stream().filter(ThresholdTables.Search::reached).count();
        out.printf("threshold search of %s: smallest %s with %s; %d searches, %d reached the target by %d; "
                        + "%d cells ran, %d already finished, %d failed (%d threads)%n", description, search.key(),
                search.target(), outcome.searches().size(), reached, search.max(), outcome.ran(), outcome.reused(),
                outcome.failed(), n);
        outcome.searches().stream().filter(s -> s.failure() != null)
                .forEach(s -> out.printf("  failed: %s: %s%n", s.point().describe(), s.failure()));
        out.println("thresholds: " + folder.resolve(ThresholdTables.THRESHOLDS)
                + (search.fit() != null ? ", fits: " + folder.resolve(ThresholdTables.FITS) : ""));
        return outcome.failed() > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
    }

    private static SweepSpec withAxes(SweepSpec grid, List<String> axes) {
        for (String axis : axes) {
            grid = grid.withArgument(axis);
        }
        return grid;
    }

    private Duration cellTimeout() {
        if (cellTimeout == null) {
            return null;
        }
        if (!(cellTimeout > 0) || cellTimeout > 1e9) {
            throw new ConfigException("--cell-timeout", "value " + cellTimeout + " is out of range; allowed: seconds "
                    + "> 0 (at most 1e9)");
        }
        return Duration.ofNanos(Math.round(cellTimeout * 1e9));
    }

    /** A grid larger than --max-cells is most likely a typo (1..1000 for 1..10): ask for confirmation. */
    private void checkSize(int cells) {
        if (maxCells < 1) {
            throw new ConfigException("--max-cells", "value " + maxCells + " is out of range; allowed: >= 1");
        }
        if (cells > maxCells) {
            throw new ConfigException("--max-cells", "the grid has " + cells + " cells, more than --max-cells="
                    + maxCells + "; pass --max-cells " + cells + " to run it");
        }
    }
}
