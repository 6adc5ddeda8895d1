package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.app.Cli;
import org.mtrl.core.sweep.SweepFolder;

/**
 * What must never silently change a sweep's numbers: repeated grid values, a second sweep on a folder,
 * an override a swept type lacks, and damaged record files read by show, plot and report. Every case
 * is refused with one line, and a folder holding a finished sweep is left byte for byte as it was.
 */
class SweepRefusalsTest {
    /** Overrides outside the optimizer slot only, so that any optimizer type can be swept. */
    private static final List<String> SMALL = List.of("tiny", "data.dim=10", "model.width=16",
            "probes={subspace-distance: {}}");
    private static final List<String> RECORDS = List.of("sweep.yaml", "summary.csv", "aggregate.csv");

    @TempDir
    static Path dir;
    /** A finished sweep tasks.count=2,8 seeds=1..2, and a finished run. */
    private static Path finished;
    private static Path run;

    @BeforeAll
    static void finishASweepAndARun() throws IOException {
        finished = dir.resolve("finished");
        assertEquals(0, sweep(finished, "tasks.count=2,8", "seeds=1..2").exitCode());
        Path runs = dir.resolve("runs");
        Cli cli = Harness.run(List.of("run", "tiny", "--quiet", "--output", runs.toString(),
                "probes={subspace-distance: {}}"));
        assertEquals(0, cli.exitCode(), cli.toString());
        try (Stream<Path> list = Files.list(runs)) {
            run = list.findFirst().orElseThrow();
        }
    }

    private static Cli sweep(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", "--quiet", "--threads", "2", "--output", out.toString()));
        all.addAll(SMALL);
        all.addAll(Arrays.asList(args));
        return Harness.run(all);
    }

    /** One line, {@code error:}, no stack trace, mentioning each of {@code mentions}. */
    private static void assertOneLine(Cli cli, int exit, List<String> mentions) {
        assertEquals(exit, cli.exitCode(), cli.toString());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.toString());
        assertTrue(lines.get(0).startsWith("error: "), cli.toString());
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("java."), cli.toString());
        for (String mention : mentions) {
            assertTrue(lines.get(0).contains(mention), "missing '" + mention + "': " + cli);
        }
    }

    private static Map<String, String> snapshot(Path folder) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : RECORDS) {
            try {
                files.put(name, Files.readString(folder.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @Test
    void repeatedGridValuesAreRefusedAndNothingIsWritten() throws IOException {
        String[][] grids = {
            {"tasks.count=2,2"}, {"tasks.count=2,0x2"}, {"tasks.count=2,2.0"}, {"tasks.count=8,4,8"},
            {"seeds=1,2,1"}, {"seeds=3,3"}, {"model.loss=hinge,hinge"},
            {"model={type: two-layer-relu, width: 16, loss: hinge},{loss: hinge, type: two-layer-relu, width: 16}"},
        };
        int n = 0;
        for (String[] grid : grids) {
            Path out = dir.resolve("repeated-" + n++);
            assertOneLine(sweep(out, grid), 2, List.of(grid[0].substring(0, grid[0].indexOf('='))));
            assertFalse(Files.exists(out), "a refused sweep leaves no folder: " + out);
            Ledger.record(Category.SWEEP_REPEATED, "command line: as expected");
        }
        for (String edit : List.of("seeds", "tasks.count")) {
            Path out = dir.resolve("edited-" + edit);
            assertEquals(0, sweep(out, "tasks.count=2,4", "seeds=1..2").exitCode());
            Map<String, String> before = snapshot(out);
            String yaml = before.get("sweep.yaml");
            String list = edit.equals("seeds") ? "seeds:\n  - 1\n  - 2" : "tasks.count:\n  - 2\n  - 4";
            assertTrue(yaml.contains(list), yaml);
            Files.writeString(out.resolve("sweep.yaml"), yaml.replace(list, list.substring(0, list.length() - 1)
                    + list.charAt(list.length() - 7)));
            assertOneLine(Harness.run(List.of("sweep", "--quiet", out.toString())), 2,
                    List.of("sweep.yaml", edit, "listed twice"));
            before.put("sweep.yaml", Files.readString(out.resolve("sweep.yaml")));
            assertEquals(before, snapshot(out));
            Ledger.record(Category.SWEEP_REPEATED, "hand-edited sweep.yaml: as expected");
        }
    }

    @Test
    void aFolderHoldingAFinishedSweepIsNeverReplaced() {
        Map<String, String> before = snapshot(finished);
        String[][] otherBase = {{"model.loss=hinge"}, {"model.width=20"}, {"tasks.type=parity"}, {"data.rank=1"},
            {"optimizer.headStep=0.5"}, {"data.dim=12"}};
        for (String[] base : otherBase) {
            List<String> args = new ArrayList<>(List.of("tasks.count=2,8", "seeds=1..2"));
            args.addAll(List.of(base));
            assertOneLine(sweep(finished, args.toArray(String[]::new)), 2,
                    List.of(finished.toString(), "another base configuration", "--extend", "--output"));
            Ledger.record(Category.SWEEP_FOLDER_TAKEN, "another base configuration: as expected");
        }
        String[][] otherGrid = {{"tasks.count=2,4", "seeds=1..2"}, {"tasks.count=2,8", "seeds=1..3"},
            {"tasks.count=2,8"}, {"model.loss=logistic,hinge", "tasks.count=2,8",
                "seeds=1..2"}};
        for (String[] grid : otherGrid) {
            assertOneLine(sweep(finished, grid), 2, List.of(finished.toString(), "another grid", "--extend"));
            Ledger.record(Category.SWEEP_FOLDER_TAKEN, "another grid: as expected");
        }
        assertOneLine(Harness.run(List.of("sweep", "--quiet", finished.toString(), "tasks.count=2,4")), 2,
                List.of("another grid", "--extend"));
        Ledger.record(Category.SWEEP_FOLDER_TAKEN, "another grid: as expected");
        assertOneLine(sweep(finished, "tasks.count=2,8", "model.loss=hinge,squared", "seeds=1..2", "--extend"), 2,
                List.of("cannot extend", finished.toString()));
        Ledger.record(Category.SWEEP_FOLDER_TAKEN, "an --extend dropping cells: as expected");
        try (SweepFolder running = SweepFolder.claim(finished)) {
            assertOneLine(sweep(finished, "tasks.count=2,8", "seeds=1..2"), 2,
                    List.of(finished.toString(), "in use", "another mtrl process"));
        }
        Ledger.record(Category.SWEEP_FOLDER_TAKEN, "a folder in use: as expected");
        assertEquals(before, snapshot(finished));
    }

    @Test
    void anOverrideATypeOfATypeAxisLacksIsRefusedNamingBoth() {
        String[][] cases = {
            {"optimizer.type=multitask-alternating,oracle-subspace", "optimizer.repDecay=0", "optimizer.repDecay",
                "oracle-subspace"},
            {"optimizer.type=multitask-alternating,random-features", "optimizer.repStep=0.5", "optimizer.repStep",
                "random-features"},
            {"optimizer.type=multitask-alternating,random-features", "optimizer.trainBias=true",
                "optimizer.trainBias", "random-features"},
            {"optimizer.type=multitask-alternating,random-features", "optimizer.repSamples=100",
                "optimizer.repSamples", "random-features"},
            {"optimizer.rounds=1,2", "optimizer.rounds=3", "optimizer.rounds", "give it in one place"},
            {"optimizer={type: random-features, rounds: 2},{type: multitask-alternating}", "optimizer.rounds=3",
                "optimizer.rounds", "give it in one place"},
        };
        int n = 0;
        for (String[] c : cases) {
            Path out = dir.resolve("type-axis-" + n++);
            // tiny's own optimizer settings would be refused first (random-features has no repSamples)
            String slot = c[0].startsWith("optimizer.type=") ? "optimizer={type: multitask-alternating}" : "seed=1";
            assertOneLine(sweep(out, slot, c[0], c[1]), 2, List.of(c[2], c[3]));
            assertFalse(Files.exists(out), "a refused sweep leaves no folder: " + out);
            Ledger.record(Category.SWEEP_TYPE_AXIS, "command line: as expected");
        }
    }

    @Test
    void damagedRecordsAreNamedWithWhatIsWrong() throws IOException {
        damage(run, "metrics.json", List.of("show"), false);
        damage(run, "provenance.json", List.of("show"), false);
        damage(finished, "aggregate.csv", List.of("show", "report"), false);
        damage(finished, "summary.csv", List.of("plot", "report"), false);
        damage(run, "provenance.json", List.of("show"), true);
        damage(finished, "aggregate.csv", List.of("show"), true);

        Path aggregate = finished.resolve("aggregate.csv");
        String pristine = Files.readString(aggregate);
        int row = pristine.indexOf('\n') + 1;
        int value = pristine.indexOf("0.", row);
        try {
            Files.writeString(aggregate, pristine.substring(0, value + 2) + "x" + pristine.substring(value + 2));
            for (String command : List.of("show", "report")) {
                assertOneLine(Harness.run(List.of(command, finished.toString())), 2,
                        List.of("aggregate.csv", "is not a number"));
                Ledger.record(Category.RECORD_DAMAGED, "a value that is not a number in aggregate.csv (mtrl " + command
                        + "): as expected");
            }
        } finally {
            Files.writeString(aggregate, pristine);
        }
    }

    /** Truncates {@code file} (at a quarter, half and most of its length) or re-encodes it as UTF-16. */
    private static void damage(Path folder, String file, List<String> commands, boolean reencode) throws IOException {
        Path target = folder.resolve(file);
        byte[] pristine = Files.readAllBytes(target);
        List<byte[]> damaged = new ArrayList<>();
        if (reencode) {
            damaged.add(new String(pristine, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
        } else {
            for (int percent : List.of(25, 50, 90)) {
                int cut = pristine.length * percent / 100;
                while (cut > 0 && (pristine[cut - 1] == '\n' || pristine[cut - 1] == '}')) {
                    cut--; // a cut at a line end could leave a shorter but whole table
                }
                damaged.add(Arrays.copyOf(pristine, cut));
            }
        }
        try {
            for (byte[] content : damaged) {
                Files.write(target, content);
                for (String command : commands) {
                    List<String> args = new ArrayList<>(List.of(command, folder.toString()));
                    if (command.equals("plot")) {
                        args.addAll(List.of("--x", "tasks.count", "--y", "subspace-distance.max"));
                    }
                    assertOneLine(Harness.run(args), 2, List.of(file));
                    Ledger.record(Category.RECORD_DAMAGED, (reencode ? "re-encoded " : "truncated ") + file
                            + " (mtrl " + command + "): as expected");
                }
            }
        } finally {
            Files.write(target, pristine);
        }
    }

    @AfterAll
    static void report() {
        Ledger.writeIfComplete();
    }
}
