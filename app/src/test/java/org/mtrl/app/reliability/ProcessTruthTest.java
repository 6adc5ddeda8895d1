package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What plugin code does to the process itself, in a child JVM running {@code org.mtrl.app.Main} as
 * {@code java -jar mtrl.jar} would: ending it (System.exit, Runtime.halt), exhausting its memory,
 * spinning past the cell time limit; and signals sent to it. Each must end with a non-zero exit code,
 * one {@code error:} line and a run record that says what happened.
 */
@Tag("slow")
class ProcessTruthTest {
    @TempDir
    static Path shared;
    private static Path plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildFaultyPlugin() throws IOException {
        plugins = FaultyPlugins.build(shared);
    }

    @ParameterizedTest
    @CsvSource({"tasks, exiting-label, System.exit(0)", "tasks, exit3-label, System.exit(3)",
        "tasks, halting-label, Runtime.halt(0)", "data, exiting-sample, System.exit(0)"})
    void aComponentThatEndsTheProcessFailsTheRunNamingIt(String slot, String type, String call) throws Exception {
        Child run = Child.run(dir, List.of(), "run", "tiny", slot + ".type=" + type, "--quiet", "--output",
                dir.resolve("runs").toString(), "--plugins-dir", plugins.toString());
        assertEquals(1, run.exitCode(), run.toString());
        String line = run.onlyErrorLine();
        assertFalse(line.contains("optimizer/"), "blamed on the optimizer that called it: " + line);
        for (String part : List.of(slot + "/" + type, "plugin 'faulty'", "faulty.jar", call)) {
            assertTrue(line.contains(part), "'" + part + "' missing from: " + line);
        }
        assertEquals("failed", status(onlyRun(dir.resolve("runs"))));
        Ledger.record(Category.PLUGIN_ENDS_PROCESS, "mtrl run in a child JVM: as expected");
    }

    /** A JDK that refuses security managers (as Java 24 does): the shutdown hook still tells the truth. */
    @Test
    void withoutTheExitVetoAnExitIsStillRecordedAsFailed() throws Exception {
        Child run = Child.run(dir, List.of("-Djava.security.manager=disallow"), "run", "tiny",
                "tasks.type=exiting-label", "--quiet", "--output", dir.resolve("runs").toString(),
                "--plugins-dir", plugins.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.onlyErrorLine().startsWith("error: a component ended the process with System.exit; "
                + "recorded as failed in "), run.toString());
        assertEquals("failed", status(onlyRun(dir.resolve("runs"))));
        Ledger.record(Category.PLUGIN_ENDS_PROCESS, "mtrl run in a child JVM refusing security managers: as expected");
    }

    @ParameterizedTest
    @CsvSource({"exiting-label, System.exit(0)", "halting-label, Runtime.halt(0)"})
    void inASweepOnlyTheCellWhoseComponentEndsTheProcessFails(String type, String call) throws Exception {
        Path sweep = dir.resolve("sweep");
        Child run = Child.run(dir, List.of(), "sweep", tinyWithBare("tasks: {type: linear-threshold}"),
                "tasks.type=linear-threshold," + type, "--quiet",
                "--threads", "1", "--output", sweep.toString(), "--plugins-dir", plugins.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertOneOkOneFailed(sweep, call);
        Ledger.record(Category.PLUGIN_ENDS_PROCESS, "mtrl sweep in a child JVM: as expected");
    }

    @Test
    void runningOutOfMemoryNamesThePhaseAndComponent() throws Exception {
        Child run = Child.run(dir, List.of("-Xmx64m"), "run", "tiny", "optimizer.type=hoarding", "--quiet",
                "--output", dir.resolve("runs").toString(), "--plugins-dir", plugins.toString());
        assertEquals(1, run.exitCode(), run.toString());
        String line = run.onlyErrorLine();
        assertTrue(line.contains("out of memory during pretraining (optimizer/hoarding from plugin 'faulty' (")
                && line.contains("faulty.jar") && line.contains("-Xmx"), line);
        assertEquals("failed", status(onlyRun(dir.resolve("runs"))));
        Ledger.record(Category.OUT_OF_MEMORY, "mtrl run in a child JVM: as expected");
    }

    /** The feasibility check sees that the default run cannot fit a 32 MiB heap: refused before any work. */
    @Test
    void theDefaultPresetOnATinyHeapIsRefusedBeforeAnyWork() throws Exception {
        Child run = Child.run(dir, List.of("-Xmx32m"), "run", "default", "--quiet", "--output",
                dir.resolve("runs").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.onlyErrorLine().contains("too large for memory"), run.toString());
        assertFalse(Files.exists(dir.resolve("runs")), "no run folder is made for a run that cannot fit");
        Ledger.record(Category.OUT_OF_MEMORY, "mtrl run in a child JVM: as expected");
    }

    @Test
    void inASweepOnlyTheCellOutOfMemoryFails() throws Exception {
        Path sweep = dir.resolve("sweep");
        Child run = Child.run(dir, List.of("-Xmx64m"), "sweep",
                tinyWithBare("optimizer: {type: multitask-alternating}"), "optimizer.type=multitask-alternating,hoarding",
                "--quiet", "--threads", "1", "--output", sweep.toString(), "--plugins-dir", plugins.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertOneOkOneFailed(sweep, "out of memory during pretraining (optimizer/hoarding");
        Ledger.record(Category.OUT_OF_MEMORY, "mtrl sweep in a child JVM: as expected");
    }

    /** The limit, 20 s, is one a normal cell stays far below even on a loaded machine. */
    @Test
    void aTaskSpinningPastTheCellTimeoutIsBlamedOnItsFamilyAndLeavesNoStagingFolder() throws Exception {
        Path sweep = dir.resolve("sweep");
        Child run = Child.run(dir, List.of(), "sweep", tinyWithBare("tasks: {type: linear-threshold}"),
                "tasks.type=linear-threshold,spinning-label",
                "--cell-timeout", "20", "--quiet", "--threads", "2", "--output", sweep.toString(),
                "--plugins-dir", plugins.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertOneOkOneFailed(sweep, "labelling samples (tasks/spinning-label from plugin 'faulty'");
        try (Stream<Path> cells = Files.list(sweep.resolve("cells"))) {
            assertEquals(List.of(), cells.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no staging folder left");
        }
        Ledger.record(Category.CELL_TIMEOUT, "child JVM sweep, task family spinning: as expected");
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
    void aSignalEndsARunAsInterrupted(String signal, int code) throws Exception {
        Path runs = dir.resolve("runs");
        Process child = Child.start(dir, List.of(), "run", "tiny", "tasks.type=spinning-label", "--quiet",
                "--output", runs.toString(), "--plugins-dir", plugins.toString());
        awaitStatus(runs, "running", child);
        Child run = Child.signalAndWait(child, signal, dir);
        assertEquals(code, run.exitCode(), run.toString());
        assertTrue(run.onlyErrorLine().startsWith("error: interrupted by SIG" + signal + "; recorded as interrupted in "),
                run.toString());
        assertEquals("interrupted", status(onlyRun(runs)));
        Ledger.record(Category.SIGNALS, "mtrl run in a child JVM: as expected");
    }

    @Test
    void aSweepEndedBySigtermIsRecordedAndResumes() throws Exception {
        Path sweep = dir.resolve("sweep");
        String[] args = {"sweep", "tiny", "tasks.count=4,8", "seeds=1..3", "--quiet", "--threads", "1", "--output",
            sweep.toString()};
        Process child = Child.start(dir, List.of(), args);
        awaitStatus(sweep.resolve("cells"), "running", child);
        Child stopped = Child.signalAndWait(child, "TERM", dir);
        assertEquals(143, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.onlyErrorLine().startsWith("error: interrupted by SIGTERM"), stopped.toString());
        assertTrue(statuses(sweep.resolve("cells")).contains("interrupted"), statuses(sweep.resolve("cells")).toString());
        Child resumed = Child.run(dir, List.of(), args);
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok", "ok"), statuses(sweep.resolve("cells")));
        Ledger.record(Category.SIGNALS, "mtrl sweep in a child JVM, resumed: as expected");
    }

    /**
     * The tiny preset as a file, with one slot given by its type alone ({@code slot}, a YAML line): the
     * faulty plugin's components have none of the preset's settings of that slot, and a sweep refuses
     * settings beside a type axis that a type in the axis lacks.
     */
    private String tinyWithBare(String slot) throws IOException {
        String name = slot.substring(0, slot.indexOf(':'));
        List<String> lines = new ArrayList<>();
        lines.add("data: {type: gaussian, dim: 20, rank: 2}");
        lines.add("tasks: {type: linear-threshold, count: 8}");
        lines.add("model: {type: two-layer-relu, width: 32}");
        lines.add("optimizer: {type: multitask-alternating, headSamples: 300, repSamples: 300}");
        lines.add("probes: {subspace-distance: {}, energy-outside: {}}");
        lines.replaceAll(line -> line.startsWith(name + ":") ? slot : line);
        Path file = dir.resolve("tiny-" + name + ".yaml");
        Files.write(file, lines);
        return file.toString();
    }

    private static void assertOneOkOneFailed(Path sweep, String reason) throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> cells = Files.list(sweep.resolve("cells"))) {
            for (Path cell : cells.toList()) {
                errors.add(Files.readString(cell.resolve("provenance.json")));
            }
        }
        List<String> summary = Files.readAllLines(sweep.resolve("summary.csv"));
        assertEquals(3, summary.size(), summary.toString());
        assertTrue(summary.get(1).contains(",ok,"), summary + "\n" + errors);
        assertTrue(summary.get(2).contains(",failed,"), summary + "\n" + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("\"failed\"") && e.contains(reason)), errors.toString());
    }

    private static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            List<Path> folders = list.toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0);
        }
    }

    private static String status(Path folder) throws IOException {
        String provenance = Files.readString(folder.resolve("provenance.json"));
        int at = provenance.indexOf("\"status\" : \"") + 12;
        return provenance.substring(at, provenance.indexOf('"', at));
    }

    private static List<String> statuses(Path cells) throws IOException {
        try (Stream<Path> list = Files.list(cells)) {
            List<String> statuses = new ArrayList<>();
            for (Path cell : list.sorted().toList()) {
                statuses.add(status(cell));
            }
            return statuses;
        }
    }

    /** Waits until some run folder below {@code parent} has {@code status} (the child is working). */
    private static void awaitStatus(Path parent, String status, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Harness.HANG_SECONDS);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> list = Files.list(parent)) {
                    for (Path folder : list.toList()) {
                        try {
                            if (status(folder).equals(status)) {
                                return;
                            }
                        } catch (IOException | StringIndexOutOfBoundsException e) {
                            // not written yet
                        }
                    }
                }
            }
            Thread.sleep(10);
        }
        assertFalse(child.isAlive(), "no run reached '" + status + "' in time");
    }

    /** A child JVM's exit code and output. */
    record Child(int exitCode, String out, String err) {
        static Process start(Path dir, List<String> jvmOptions, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.add("--add-opens=java.base/java.lang=ALL-UNNAMED"); // as mtrl.jar's manifest does
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), org.mtrl.app.Main.class.getName()));
            command.addAll(List.of(args));
            long id = System.nanoTime();
            return new ProcessBuilder(command).directory(new File(dir.toString()))
                    .redirectOutput(dir.resolve("child-" + id + ".out").toFile())
                    .redirectError(dir.resolve("child-" + id + ".err").toFile()).start();
        }

        static Child run(Path dir, List<String> jvmOptions, String... args) throws Exception {
            return await(start(dir, jvmOptions, args), dir);
        }

        static Child signalAndWait(Process child, String signal, Path dir) throws Exception {
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
            return await(child, dir);
        }

        private static Child await(Process child, Path dir) throws Exception {
            if (!child.waitFor(3, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not end");
            }
            String out = "";
            String err = "";
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("child-")).sorted().toList()) {
                    String text = Files.readString(log);
                    Files.delete(log);
                    if (log.toString().endsWith(".out")) {
                        out = text;
                    } else {
                        err = text;
                    }
                }
            }
            return new Child(child.exitValue(), out, err);
        }

        /** The one line on stderr, which must be an error line without a stack trace. */
        String onlyErrorLine() {
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), toString());
            assertTrue(lines.get(0).startsWith("error: "), toString());
            return lines.get(0);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @AfterAll
    static void report() {
        Ledger.writeIfComplete();
    }
}
