package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtrl.core.plugin.PluginJars;

class CommandLineTest {
    private static final String SERVICE = "META-INF/services/org.mtrl.api.plugin.Plugin";

    @TempDir
    Path dir;

    /** Only the named command is built (start-up); help, no command and a mistyped one see them all. */
    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        List<String> all = List.of("run", "sweep", "show", "plot", "report", "config", "plugins", "bench", "help");
        assertEquals(all, List.copyOf(MtrlCommand.commandLine().getSubcommands().keySet()));
        assertEquals(List.of("bench"), List.copyOf(MtrlCommand.commandLine("bench", "T=1").getSubcommands().keySet()));
        for (String[] args : new String[][] {{"help", "bench"}, {}, {"bnch"}, {"--version"}}) {
            assertEquals(all, List.copyOf(MtrlCommand.commandLine(args).getSubcommands().keySet()), List.of(args)
                    .toString());
        }
    }

    @Test
    void runWritesARunFolderAndSaysWhere() throws Exception {
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("subspace-distance.max"), cli.out());
        Path folder;
        try (Stream<Path> runs = Files.list(dir)) {
            folder = runs.findFirst().orElseThrow();
        }
        assertTrue(cli.out().contains("results: " + folder), cli.out());
        for (String file : List.of("config.yaml", "provenance.json", "metrics.json", "history.jsonl")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file);
        }
        assertTrue(Files.readString(folder.resolve("provenance.json")).contains("\"status\" : \"ok\""));

        // The recorded configuration repeats the run exactly.
        Cli again = Cli.run("run", folder.resolve("config.yaml").toString(), "--quiet", "--output", dir.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(metricLines(cli.out()), metricLines(again.out()));
    }

    private static List<String> metricLines(String out) {
        return out.lines().filter(l -> l.startsWith("  ")).toList();
    }

    @Test
    void configPrintsTheResolvedConfigurationWhichResolvesToItself() throws Exception {
        Cli first = Cli.run("config", "tasks.type=parity", "model.width=64");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("type: parity") && first.out().contains("order: 2"), first.out());
        assertTrue(first.out().contains("width: 64"), first.out());
        Path file = Files.writeString(dir.resolve("resolved.yaml"), first.out());
        Cli second = Cli.run("config", file.toString());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().endsWith("# sampling used: direct (auto: m + r = 69 is over 0.6 of d = 100)\n"),
                first.out());
        Cli wide = Cli.run("config", "data.dim=1000");
        assertTrue(wide.out().contains("# sampling used: projected (auto: m + r = 205 is at most 0.6 of d = 1000)"),
                wide.out());
    }

    @Test
    void pluginsListsEveryKindWithParametersAndDefaults() {
        Cli cli = Cli.run("plugins", "--plugins-dir", dir.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        for (String type : List.of("gaussian", "linear-threshold", "parity", "two-layer-relu", "multitask-alternating",
                "joint-gradient", "single-task", "random-features", "oracle-subspace", "subspace-distance",
                "downstream-linear")) {
            assertTrue(cli.out().contains("  " + type + "  "), type + " missing from\n" + cli.out());
        }
        assertTrue(cli.out().contains("headSamples") && cli.out().contains("default 2000"), cli.out());
    }

    @Test
    void aJarDroppedIntoThePluginsFolderShowsUpWithoutRebuilding() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/third-party.jar",
                Map.of("org.example.ThirdParty", PluginJars.probePlugin("org.example", "ThirdParty", "third-party-probe")),
                Map.of(SERVICE, "org.example.ThirdParty\n"));
        Cli list = Cli.run("plugins", "--plugins-dir", plugins.toString());
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("third-party-probe") && list.out().contains("third-party.jar"), list.out());

        Cli run = Cli.run("run", "tiny", "--quiet", "--output", dir.resolve("runs").toString(),
                "--plugins-dir", plugins.toString(), "probes={third-party-probe: {level: 7}}");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("third-party-probe.level") && run.out().contains("7.00000"), run.out());
    }

    @Test
    void checkReportsWhatIsWrongWithAJar() throws Exception {
        Path clash = PluginJars.build(dir, "clash.jar",
                Map.of("org.example.Clash", PluginJars.probePlugin("org.example", "Clash", "energy-outside")),
                Map.of(SERVICE, "org.example.Clash\n"));
        Cli cli = Cli.run("plugins", "--check", clash.toString());
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("duplicate probe/energy-outside"), cli.out());
        assertTrue(cli.out().contains("no Mtrl-Spi-Version"), cli.out());

        Path junk = dir.resolve("junk.jar");
        PluginJars.writeJunk(junk);
        Cli bad = Cli.run("plugins", "--check", junk.toString());
        assertEquals(1, bad.exitCode(), bad.toString());
        assertTrue(bad.out().contains("cannot read jar"), bad.out());
        assertEquals(2, Cli.run("plugins", "--check", dir.resolve("missing.jar").toString()).exitCode());
    }

    @Test
    void aBrokenPluginJarIsReportedAndTheRestStillWorks() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.writeJunk(plugins.resolve("broken.jar"));
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.resolve("runs").toString(),
                "--plugins-dir", plugins.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("plugin problem") && cli.err().contains("broken.jar"), cli.err());
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of(List.of("model.widht=10"), "model.widht", "did you mean 'width'"),
                Arguments.of(List.of("model.width=wide"), "model.width", "expected an integer"),
                Arguments.of(List.of("model.width=0"), "model.width", "out of range"),
                Arguments.of(List.of("tasks.type=parit"), "tasks.type", "did you mean 'parity'"),
                Arguments.of(List.of("optimizer.headStep=-1"), "optimizer.headStep", "> 0"),
                Arguments.of(List.of("model.loss=logistc"), "model.loss", "did you mean 'logistic'"),
                Arguments.of(List.of("data.rank=200"), "data", "rank"),
                Arguments.of(List.of("tasks.type=parity", "tasks.order=9"), "tasks", "order"),
                Arguments.of(List.of("sed=3"), "sed", "did you mean 'seed'"),
                Arguments.of(List.of("model.width"), "model.width", "key.path=value"),
                Arguments.of(List.of("no-such-preset"), "no-such-preset", "presets: default, tiny"),
                Arguments.of(List.of("--threads", "0"), "--threads", "out of range"),
                Arguments.of(List.of("--outptu", "x"), "--outptu", "did you mean '--output'?"),
                Arguments.of(List.of("--threads", "many"), "--threads", "'many' is not an int"),
                Arguments.of(List.of("optimizer.type=single-task", "optimizer.task=50"), "optimizer",
                        "task=50 is not a task index"),
                Arguments.of(List.of("model.width=100000", "data.dim=100000"), "model", "too large"));
    }

    @Test
    void aSweepLargerThanMaxCellsNeedsConfirmation() {
        Cli cli = Cli.run("sweep", "tiny", "tasks.count=1..200", "seeds=1..60", "--quiet", "--output", dir.toString());
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("--max-cells: the grid has 12000 cells, more than --max-cells=10000"), cli.err());
        Cli empty = Cli.run("sweep", "tiny", "--quiet", "--output", dir.toString(), "--max-cells", "0");
        assertEquals(2, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("--max-cells"), empty.err());
    }

    @ParameterizedTest
    @MethodSource("badConfigurations")
    void everyBadConfigurationExitsWithCode2AndAMessageNamingTheKey(List<String> args, String key, String text)
            throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("run", "--quiet", "--output", dir.toString()));
        all.addAll(args);
        Cli cli = Cli.run(all.toArray(String[]::new));
        assertEquals(2, cli.exitCode(), cli.toString());
        String firstLine = cli.err().lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("error: "), cli.err());
        assertTrue(firstLine.contains(key) && firstLine.contains(text), "expected '" + key + "' and '" + text
                + "' in: " + firstLine);
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        try (Stream<Path> written = Files.list(dir)) {
            assertEquals(0, written.count(), "a bad configuration writes no run folder");
        }
    }

    @Test
    void configMakesTheChecksRunMakesBeforeAnyWork() {
        Cli cli = Cli.run("config", "tasks.type=parity", "tasks.order=9");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertEquals("", cli.out());
        assertTrue(cli.err().startsWith("error: tasks: ") && cli.err().contains("order"), cli.err());
    }

    @Test
    void usageErrorsExitWith2AndVersionAndHelpWith0() {
        assertEquals(2, Cli.run("run", "--no-such-option").exitCode());
        assertEquals(2, Cli.run().exitCode());
        Cli version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("mtrl "), version.out());
        Cli help = Cli.run("run", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--threads"), help.out());
    }

    @Test
    void aDivergingRunExitsWith1AndKeepsItsConfigurationAndError() throws Exception {
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.toString(), "optimizer.rounds=40",
                "optimizer.headStep=1e200", "optimizer.repStep=1e200");
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("diverged at round"), cli.err());
        Path folder;
        try (Stream<Path> runs = Files.list(dir)) {
            folder = runs.findFirst().orElseThrow();
        }
        assertTrue(Files.exists(folder.resolve("config.yaml")));
        String provenance = Files.readString(folder.resolve("provenance.json"));
        assertTrue(provenance.contains("\"status\" : \"failed\"") && provenance.contains("diverged"), provenance);
    }
}
