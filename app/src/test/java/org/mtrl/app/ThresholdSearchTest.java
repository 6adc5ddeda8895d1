package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threshold search end to end: its tables do not depend on the thread count or on cells lost to a
 * crash, every evaluated cell is an ordinary cell, the estimates are those of a plain replay of the
 * search on the cells' own metrics, and plot and report draw the fits. Also the search's settings,
 * linked axes, derived values and the scale axis through the command line.
 */
class ThresholdSearchTest {
    private static final String SEARCH = ThresholdSearchTestFile.SEARCH;

    @TempDir
    Path dir;

    private Path searchFile() throws Exception {
        Path file = dir.resolve("search.yaml");
        Files.writeString(file, SEARCH);
        return file;
    }

    private static Cli sweep(Path out, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("sweep", "--quiet", "--output", out.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void theThresholdsDoNotDependOnThreadsOrOnCellsLostAndMatchAReplayOfTheCells() throws Exception {
        Path file = searchFile();
        Cli one = sweep(dir.resolve("one"), file.toString(), "--threads", "1");
        Cli two = sweep(dir.resolve("two"), file.toString(), "--threads", "2");
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals(0, two.exitCode(), two.toString());
        assertTrue(one.out().contains("4 searches"), one.out());
        String thresholds = Files.readString(dir.resolve("one/thresholds.csv"));
        assertEquals(thresholds, Files.readString(dir.resolve("two/thresholds.csv")));
        assertEquals(Files.readString(dir.resolve("one/fits.csv")), Files.readString(dir.resolve("two/fits.csv")));

        // every evaluated cell is a cell of summary.csv; replaying the search on their metrics gives the table
        List<Map<String, String>> cells = SweepTable.read(dir.resolve("one/summary.csv")).rows();
        List<Map<String, String>> rows = SweepTable.read(dir.resolve("one/thresholds.csv")).rows();
        assertEquals(4, rows.size());
        int evaluated = 0;
        for (Map<String, String> row : rows) {
            List<Map<String, String>> mine = cells.stream().filter(c -> c.get("data.dim").equals(row.get("data.dim"))
                    && c.get("seed").equals(row.get("seed"))).toList();
            evaluated += mine.size();
            assertEquals(Integer.parseInt(row.get("cells")), mine.size());
            String key = "optimizer.headSamples=optimizer.repSamples";
            long smallestReaching = mine.stream().filter(c -> Double.parseDouble(c.get("subspace-distance.max")) <= 0.5)
                    .mapToLong(c -> Long.parseLong(c.get(key))).min().orElse(0);
            long largestMissing = mine.stream().filter(c -> Double.parseDouble(c.get("subspace-distance.max")) > 0.5)
                    .mapToLong(c -> Long.parseLong(c.get(key))).max().orElse(0);
            if (row.get("reached").equals("yes")) {
                assertEquals(smallestReaching, Long.parseLong(row.get("estimate")), row.toString());
                assertEquals(row.get("estimate"), row.get("high"));
                assertTrue(row.get("low").isEmpty() || Long.parseLong(row.get("high")) <= 1.3 * Long.parseLong(row.get("low")),
                        row.toString());
            } else {
                assertEquals(1280, largestMissing, "an unreached search went up to max: " + row);
                assertTrue(row.get("estimate").isEmpty(), "no made-up estimate: " + row);
            }
        }
        try (Stream<Path> folders = Files.list(dir.resolve("one/cells"))) {
            assertEquals(evaluated, folders.count(), "one folder per evaluated cell");
        }

        // a crash that lost some cells and left one half-written: the rerun redoes them and ends the same
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir.resolve("two/cells"))) {
            folders = list.sorted().toList();
        }
        deleteTree(folders.get(0));
        deleteTree(folders.get(folders.size() / 2));
        Path provenance = folders.get(1).resolve("provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replace("\"ok\"", "\"running\""));
        Files.delete(dir.resolve("two/thresholds.csv"));
        Cli resumed = sweep(dir.resolve("two"), file.toString(), "--threads", "2");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("3 cells ran, " + (evaluated - 3) + " already finished"), resumed.out());
        assertEquals(thresholds, Files.readString(dir.resolve("two/thresholds.csv")));

        Cli plot = Cli.run("plot", dir.resolve("one").toString(), "--x", "data.dim", "--y", "threshold");
        assertEquals(0, plot.exitCode(), plot.toString());
        assertTrue(Files.size(dir.resolve("one/figures/threshold-vs-data.dim.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("one/figures/threshold-vs-data.dim.svg")).contains("exponent"),
                "the legend gives the fitted exponent");
        Cli report = Cli.run("report", dir.resolve("one").toString());
        assertEquals(0, report.exitCode(), report.toString());
        String markdown = Files.readString(dir.resolve("one/report.md"));
        assertTrue(markdown.contains("## Threshold search") && markdown.contains("| against | exponent"), markdown);
        assertTrue(markdown.contains("figures/threshold-vs-data.dim.png"), markdown);

        Path bare = dir.resolve("bare");
        Files.writeString(file, SEARCH.replace("figures:\n  - {x: data.dim, y: threshold}\n", ""));
        assertEquals(0, sweep(bare, file.toString(), "--threads", "2").exitCode());
        Cli defaults = Cli.run("report", bare.toString());
        assertEquals(0, defaults.exitCode(), defaults.toString());
        assertTrue(Files.readString(bare.resolve("report.md")).contains("figures/threshold-vs-data.dim.png"),
                "without figures: the estimates against the fitted key");
    }

    @Test
    void aTargetNamingNoMetricOrASearchedKeyAnAxisSetsIsRefused() throws Exception {
        Path file = searchFile();
        Files.writeString(file, SEARCH.replace("subspace-distance.max <= 0.5", "subspace-distanse.max <= 0.5"));
        Cli typo = sweep(dir.resolve("typo"), file.toString());
        assertEquals(2, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("search.target") && typo.err().contains("subspace-distanse.max")
                && typo.err().contains("subspace-distance.max"), typo.err());
        Cli both = sweep(dir.resolve("both"), searchFile().toString(), "optimizer.headSamples=100,200");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("optimizer.headSamples: set both by the sweep axis"), both.err());
        Cli overridden = sweep(dir.resolve("overridden"), file.toString(), "optimizer.repSamples=300");
        assertEquals(2, overridden.exitCode(), "an override would replace the searched value: " + overridden);
        assertTrue(overridden.err().contains("optimizer.repSamples: set both by the override 'optimizer.repSamples=300' "
                + "and by the sweep's search block"), overridden.err());
        Path slot = dir.resolve("slot");
        Cli whole = sweep(slot, file.toString(), "optimizer={type: multitask-alternating, headStep: 0.9}",
                "data.dim=10..10");
        assertEquals(0, whole.exitCode(), whole.toString());
        for (Map<String, String> cell : SweepTable.read(slot.resolve("summary.csv")).rows()) {
            String config = Files.readString(slot.resolve("cells").resolve(cell.get("cell")).resolve("config.yaml"));
            String n = cell.get("optimizer.headSamples=optimizer.repSamples");
            assertTrue(config.contains("headSamples: " + n + "\n") && config.contains("headStep: 0.9"),
                    "a whole slot given beside the search keeps the searched value: " + config);
        }
        Cli other = sweep(dir.resolve("typo"), file.toString());
        assertEquals(2, other.exitCode(), "a folder holding another search is not reused: " + other);
        assertTrue(other.err().contains("another threshold search"), other.err());
        Files.writeString(file, SEARCH.replace("ratio: 1.3", "ratio: 1"));
        Cli ratio = sweep(dir.resolve("ratio"), file.toString());
        assertEquals(2, ratio.exitCode(), ratio.toString());
        assertTrue(ratio.err().contains("search.ratio") && ratio.err().contains("> 1"), ratio.err());
        assertFalse(Files.exists(dir.resolve("ratio")), "a refused search leaves no folder");
    }

    @Test
    void theSearchIsSetOnTheCommandLineAndOnlyForANewSweep() throws Exception {
        Path capped = dir.resolve("capped");
        Cli narrowed = sweep(capped, searchFile().toString(), "search.start=30", "search.max=30");
        assertEquals(0, narrowed.exitCode(), narrowed.toString());
        List<Map<String, String>> searches = SweepTable.read(capped.resolve("thresholds.csv")).rows();
        assertEquals(4, searches.size());
        for (Map<String, String> search : searches) {
            assertEquals("1", search.get("cells"), "start = max = 30: one cell a search " + search);
        }
        for (Map<String, String> cell : SweepTable.read(capped.resolve("summary.csv")).rows()) {
            assertEquals("30", cell.get("optimizer.headSamples=optimizer.repSamples"), cell.toString());
        }

        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, SEARCH.substring(0, SEARCH.indexOf("search:")));
        Cli made = sweep(dir.resolve("made"), plain.toString(), "search.key=optimizer.headSamples=optimizer.repSamples",
                "search.target=subspace-distance.max <= 0.5", "search.start=20", "search.max=20");
        assertEquals(0, made.exitCode(), "a search given whole on the command line: " + made);
        assertTrue(made.out().contains("smallest optimizer.headSamples=optimizer.repSamples with "
                + "subspace-distance.max <= 0.5"), made.out());

        Cli typo = sweep(dir.resolve("typo"), searchFile().toString(), "search.maxx=30");
        assertEquals(2, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("search.maxx: unknown setting"), typo.err());
        Cli half = sweep(dir.resolve("half"), plain.toString(), "search.max=30");
        assertEquals(2, half.exitCode(), half.toString());
        assertTrue(half.err().contains("search.key: missing"), half.err());
        Cli existing = sweep(capped, capped.toString(), "search.max=60");
        assertEquals(2, existing.exitCode(), "an existing sweep keeps its search: " + existing);
        Cli run = Cli.run("run", searchFile().toString(), "search.max=30");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'search.max=30' sets a threshold search, which only mtrl sweep runs"),
                run.err());
    }

    @Test
    void aSearchGoesOnInItsFolderWithALargerMaxUnderExtendAndEndsAsAFreshOne() throws Exception {
        Path grown = dir.resolve("grown");
        Cli small = sweep(grown, searchFile().toString(), "search.max=40");
        assertEquals(0, small.exitCode(), small.toString());
        Cli withoutExtend = sweep(grown, searchFile().toString());
        assertEquals(2, withoutExtend.exitCode(), withoutExtend.toString());
        assertTrue(withoutExtend.err().contains("pass --extend to continue its searches"), withoutExtend.err());
        Cli smaller = sweep(grown, searchFile().toString(), "search.max=30", "--extend");
        assertEquals(2, smaller.exitCode(), "a smaller max is another search: " + smaller);
        Cli later = sweep(grown, searchFile().toString(), "search.start=40", "--extend");
        assertEquals(2, later.exitCode(), "another start is another search: " + later);

        Cli continued = sweep(grown, grown.toString(), "search.max=1280", "--extend");
        assertEquals(0, continued.exitCode(), continued.toString());
        assertFalse(continued.out().contains(" 0 already finished"), "the first searches' cells are reused: "
                + continued.out());
        Path fresh = dir.resolve("fresh");
        Cli whole = sweep(fresh, searchFile().toString());
        assertEquals(0, whole.exitCode(), whole.toString());
        assertEquals(Files.readAllLines(fresh.resolve("thresholds.csv")), Files.readAllLines(grown.resolve("thresholds.csv")));
    }

    @Test
    void linkedAxesDerivedValuesAndTheScaleAxisSetTheCellsKeys() throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, """
                data: {dim: 10, rank: 2}
                tasks: {count: 4}
                model: {width: 16}
                optimizer: {type: multitask-alternating}
                probes: {subspace-distance: {}}
                derived:
                  optimizer.repSamples: "2 * optimizer.headSamples + data.dim"
                sweep:
                  optimizer.headSamples=probes.subspace-distance.type: [100]
                scaling: [tasks.count, model.width]
                """);
        Cli bad = sweep(dir.resolve("bad"), file.toString());
        assertEquals(2, bad.exitCode(), "a linked axis whose keys cannot take one value is refused: " + bad);

        Files.writeString(file, Files.readString(file).replace("optimizer.headSamples=probes.subspace-distance.type: [100]",
                "optimizer.headSamples=probes.downstream-linear.samples: [100, 200]\n  scale: [1, 2]")
                .replace("probes: {subspace-distance: {}}", "probes: {subspace-distance: {}, downstream-linear: "
                        + "{samples: [10], testSamples: 50, taskCount: 1}}"));
        Path out = dir.resolve("grid");
        Cli cli = sweep(out, file.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        List<Map<String, String>> rows = SweepTable.read(out.resolve("summary.csv")).rows();
        assertEquals(4, rows.size());
        for (Map<String, String> row : rows) {
            String config = Files.readString(out.resolve("cells").resolve(row.get("cell")).resolve("config.yaml"));
            int samples = Integer.parseInt(row.get("optimizer.headSamples=probes.downstream-linear.samples"));
            int scale = Integer.parseInt(row.get("scale"));
            assertTrue(config.contains("headSamples: " + samples + "\n"), config);
            assertTrue(config.contains("repSamples: " + (2 * samples + 10) + "\n"), config);
            assertTrue(config.contains("- " + samples + "\n"), "the linked list-valued key: " + config);
            assertTrue(config.contains("count: " + 4 * scale + "\n") && config.contains("width: " + 16 * scale + "\n"),
                    config);
        }
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
