package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.core.sweep.CellResult;
import org.mtrl.core.sweep.SweepCell;
import org.mtrl.core.sweep.SweepDefinition;

class SweepCommandTest {
    /**
     * A pipeline small enough for a grid of runs in a second or two, with overrides every optimizer type
     * has (an override beside a type axis must fit every type of the axis).
     */
    private static final List<String> SMALL = List.of("tiny", "data.dim=10", "model.width=16",
            "optimizer.headSamples=200", "probes={subspace-distance: {}}");

    /** An axis whose first value runs and whose second diverges. */
    private static final String OK_THEN_DIVERGING = "optimizer={type: multitask-alternating},"
            + "{type: multitask-alternating, rounds: 40, headStep: 1e200, repStep: 1e200}";

    @TempDir
    Path dir;

    private static Cli sweep(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", "--quiet", "--output", out.toString()));
        all.addAll(SMALL);
        all.addAll(Arrays.asList(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** The summary without its wall-time column, the one value that depends on the machine. */
    private static List<Map<String, String>> numbers(Path sweep) {
        return SweepTable.read(sweep.resolve("summary.csv")).rows().stream().map(row -> {
            Map<String, String> copy = new java.util.LinkedHashMap<>(row);
            copy.remove("wall_seconds");
            return copy;
        }).toList();
    }

    private static List<Path> cellFolders(Path sweep) throws Exception {
        try (Stream<Path> cells = Files.list(sweep.resolve(SweepDefinition.CELLS))) {
            return cells.sorted().toList();
        }
    }

    @Test
    void theSummaryIsInGridOrderAndTheSameOnOneThreadAsOnFour() {
        Cli one = sweep(dir.resolve("one"), "tasks.count=2,6", "seeds=1..3", "--threads", "1");
        Cli four = sweep(dir.resolve("four"), "tasks.count=2,6", "seeds=1..3", "--threads", "4");
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals(0, four.exitCode(), four.toString());
        List<Map<String, String>> rows = numbers(dir.resolve("one"));
        assertEquals(rows, numbers(dir.resolve("four")));
        assertEquals(6, rows.size());
        assertEquals(List.of("2", "2", "2", "6", "6", "6"), rows.stream().map(r -> r.get("tasks.count")).toList());
        assertEquals(List.of("1", "2", "3", "1", "2", "3"), rows.stream().map(r -> r.get("seed")).toList());
        assertTrue(rows.stream().allMatch(r -> r.get("status").equals("ok") && !r.get("subspace-distance.max").isEmpty()));
        List<Map<String, String>> aggregate = SweepTable.read(dir.resolve("one").resolve("aggregate.csv")).rows();
        assertEquals(2, aggregate.size());
        assertEquals("3", aggregate.get(0).get("seeds"));
        double mean = rows.subList(0, 3).stream().mapToDouble(r -> Double.parseDouble(r.get("subspace-distance.max")))
                .average().orElseThrow();
        assertEquals(mean, Double.parseDouble(aggregate.get(0).get("subspace-distance.max.mean")), 1e-12);
    }

    @Test
    void aResumedSweepRerunsExactlyTheCellsACrashLeftUnfinished() throws Exception {
        Path out = dir.resolve("sweep");
        Cli first = sweep(out, "tasks.count=2,6", "seeds=1,2", "--threads", "2");
        assertEquals(0, first.exitCode(), first.toString());
        List<Map<String, String>> before = numbers(out);
        List<Path> cells = cellFolders(out);
        assertEquals(4, cells.size());
        // a partial record (a truncated metrics file), a missing record, and a kill during a cell
        Path metrics = cells.get(0).resolve("metrics.json");
        Files.writeString(metrics, Files.readString(metrics).substring(0, 20));
        deleteTree(cells.get(1));
        Path provenance = cells.get(2).resolve("provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replace("\"ok\"", "\"running\""));

        Cli again = Cli.run("sweep", "--quiet", out.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("3 ran, 1 already finished, 0 failed"), again.out());
        assertEquals(before, numbers(out));

        Cli done = Cli.run("sweep", "--quiet", out.toString(), "seeds=1..3", "--extend");
        assertTrue(done.out().contains("2 ran, 4 already finished"), done.out());
        assertEquals(6, numbers(out).size());
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aFailingCellIsRecordedAndTheOthersStillRun() throws Exception {
        Path out = dir.resolve("failing");
        Cli cli = sweep(out, OK_THEN_DIVERGING, "seeds=1,2", "--threads", "2");
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("failed: ") && cli.err().contains("diverged"), cli.err());
        assertTrue(cli.out().contains("2 failed"), cli.out());
        List<Map<String, String>> rows = SweepTable.read(out.resolve("summary.csv")).rows();
        assertEquals(List.of("ok", "ok", "failed", "failed"), rows.stream().map(r -> r.get("status")).toList());
        Path failed = out.resolve("cells").resolve(rows.get(2).get("cell"));
        assertTrue(Files.readString(failed.resolve("provenance.json")).contains("diverged"));
        assertTrue(Files.readString(failed.resolve("run.log")).contains("failed"));

        Cli fast = sweep(dir.resolve("fast"), "seeds=1,2", "--threads", "1", "--fail-fast",
                "optimizer={type: multitask-alternating, rounds: 40, headStep: 1e200, repStep: 1e200}");
        assertEquals(1, fast.exitCode(), fast.toString());
        assertEquals(1, SweepTable.read(dir.resolve("fast").resolve("summary.csv")).rows().size(), fast.toString());
    }

    @Test
    void anUnknownRunnerOrAMasterForTheLocalRunnerIsAConfigurationError() {
        Cli unknown = sweep(dir.resolve("unknown"), "seeds=1,2", "--runner", "cluster");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("--runner: unknown runner 'cluster'; available: local"), unknown.err());
        Cli master = sweep(dir.resolve("master"), "seeds=1,2", "--master", "local[2]");
        assertEquals(2, master.exitCode(), master.toString());
        assertTrue(master.err().contains("--master") && master.err().contains("--runner spark"), master.err());
        assertFalse(Files.exists(dir.resolve("unknown").resolve("summary.csv")));
    }

    @Test
    void aBadValueInAnyCellStopsTheSweepBeforeAnyWork() {
        Cli cli = sweep(dir.resolve("bad"), "tasks.count=2,0");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("tasks.count") && cli.err().contains("tasks.count=0 seed=1"), cli.err());
        assertFalse(Files.exists(dir.resolve("bad").resolve("summary.csv")));
    }

    @Test
    void progressIsSilentOffATerminalAndSaysCellsDoneAndTimeLeftOnOne() {
        Cli quietByDefault = Cli.run("sweep", "--output", dir.resolve("p").toString(), "tiny", "seeds=1,2",
                "probes={subspace-distance: {}}");
        assertEquals(0, quietByDefault.exitCode(), quietByDefault.toString());
        assertEquals("", quietByDefault.err());

        StringWriter text = new StringWriter();
        SweepConsole console = new SweepConsole(new PrintWriter(text), true);
        SweepCell cell = new SweepCell(0, Map.of(), 1);
        console.started(2, 2);
        console.cellStarted(cell);
        console.runProgress(cell).roundFinished(1, 3, Map.of("loss", 0.5));
        console.cellFinished(cell, new CellResult("ok", Map.of(), 1.5, null), 1, 2);
        String printed = text.toString();
        assertTrue(printed.contains("1/2 cells done") && printed.contains("left") && printed.contains("round 1/3"),
                printed);

        // a threshold search: the count and the time left are the wave's, and say so
        StringWriter search = new StringWriter();
        SweepConsole searching = new SweepConsole(new PrintWriter(search), true);
        searching.searchWave(3, 2, 6);
        searching.cellFinished(cell, new CellResult("ok", Map.of(), 1.5, null), 1, 2);
        String waves = search.toString();
        assertTrue(waves.contains("search wave 3: 2 of 6 searches still open, one cell each")
                && waves.contains("wave 3: 1/2 cells done") && waves.contains("left in this wave")
                && !waves.contains("distinct cells"), waves);
    }

    @Test
    void plotsAndReportsAreValidImagesOfTheExpectedSize() throws Exception {
        Path out = dir.resolve("plotted");
        assertEquals(0, sweep(out, "tasks.count=2,4,8", "optimizer.type=multitask-alternating,joint-gradient",
                "seeds=1,2").exitCode());
        Cli plot = Cli.run("plot", out.toString(), "--x", "tasks.count", "--y", "subspace-distance.max",
                "--series", "optimizer.type", "--log-x");
        assertEquals(0, plot.exitCode(), plot.toString());
        Path png = out.resolve("figures/subspace-distance.max-vs-tasks.count-by-optimizer.type.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(SweepChart.WIDTH, image.getWidth());
        assertEquals(SweepChart.HEIGHT, image.getHeight());
        Path svg = out.resolve("figures/subspace-distance.max-vs-tasks.count-by-optimizer.type.svg");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var document = xml.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());

        Cli report = Cli.run("report", out.toString());
        assertEquals(0, report.exitCode(), report.toString());
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("![subspace-distance.max vs tasks.count]") && markdown.contains("| tasks.count"),
                markdown);
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));

        Cli show = Cli.run("show", out.toString(), "--metric", "subspace-distance.max");
        assertTrue(show.out().contains("joint-gradient") && show.out().contains(" ["), show.out());
        Cli badY = Cli.run("plot", out.toString(), "--x", "tasks.count", "--y", "no-such.metric");
        assertEquals(2, badY.exitCode());
        assertTrue(badY.err().contains("no-such.metric"), badY.err());
    }

    @Test
    void aPlotPoolsOnlySeedsSoEveryOtherSweptKeyMustBePinned() throws Exception {
        Path out = dir.resolve("three-axes");
        assertEquals(0, sweep(out, "tasks.count=2,4", "optimizer.type=multitask-alternating,joint-gradient",
                "optimizer.rounds=1,2").exitCode());
        Cli unpinned = Cli.run("plot", out.toString(), "--x", "tasks.count", "--y", "subspace-distance.max",
                "--series", "optimizer.type");
        assertEquals(2, unpinned.exitCode(), unpinned.toString());
        assertTrue(unpinned.err().contains("varies 'optimizer.rounds' [1, 2]"), unpinned.err());
        Cli pinned = Cli.run("plot", out.toString(), "--x", "tasks.count", "--y", "subspace-distance.max",
                "--series", "optimizer.type", "--where", "optimizer.rounds=2");
        assertEquals(0, pinned.exitCode(), pinned.toString());
        assertTrue(Files.exists(out.resolve(
                "figures/subspace-distance.max-vs-tasks.count-by-optimizer.type-where-optimizer.rounds=2.png")));
        Cli absent = Cli.run("plot", out.toString(), "--x", "tasks.count", "--y", "subspace-distance.max",
                "--series", "optimizer.type", "--where", "optimizer.rounds=3");
        assertEquals(2, absent.exitCode());
        assertTrue(absent.err().contains("[1, 2]"), absent.err());
        Cli report = Cli.run("report", out.toString());
        assertEquals(0, report.exitCode(), report.toString());
        assertTrue(Files.readString(out.resolve("report.md")).contains("-where-optimizer.rounds=1.png"));
    }

    @Test
    void aSweepPresetRunsItsBaseOnceUnderRunAndEveryPresetResolves() {
        for (String preset : ConfigSource.PRESET_NAMES) {
            Cli config = Cli.run("config", preset);
            assertEquals(0, config.exitCode(), preset + ": " + config);
        }
        Cli scaled = Cli.run("config", "tasks-sweep", "scale=2");
        assertTrue(scaled.out().contains("dim: 80") && scaled.out().contains("width: 160"), scaled.out());
        Cli unscalable = Cli.run("config", "tiny", "scale=2");
        assertEquals(2, unscalable.exitCode());
    }
}
