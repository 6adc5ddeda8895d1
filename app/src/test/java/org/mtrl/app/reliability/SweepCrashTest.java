package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep in a child JVM, killed with SIGKILL at random moments and resumed each time, ends with
 * the same summary as an uninterrupted sweep: no cell duplicated, missing or half-written.
 */
@Tag("slow")
class SweepCrashTest {
    private static final String[] SWEEP = {"sweep", "tiny", "tasks.count=2,4,8", "seeds=1..4", "--quiet",
        "--threads", "2"};
    private static final int CELLS = 12;
    private static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void killedAndResumedSweepsEndWithTheUninterruptedSummary() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, runToCompletion(reference), "uninterrupted sweep");

        Path crashed = dir.resolve("crashed");
        Random moments = new Random(20261128);
        int killed = 0;
        for (int k = 0; k < KILLS; k++) {
            Ledger.record(Category.SWEEP_KILLED, "child JVM, resumed: as expected");
            Process child = start(crashed);
            // Kill once one or two more cells have finished, then a random moment later: mid-cell or
            // mid-write, whatever the machine's speed.
            int target = completedCells(crashed) + 1 + moments.nextInt(2);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (child.isAlive() && completedCells(crashed) < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(moments.nextInt(120));
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
                killed++;
            }
        }
        assertTrue(killed >= 3, "the sweep was actually interrupted (" + killed + " kills)");
        assertEquals(0, runToCompletion(crashed), "resumed sweep");

        assertEquals(withoutWallTime(reference), withoutWallTime(crashed));
        List<Path> cells;
        try (Stream<Path> list = Files.list(crashed.resolve("cells"))) {
            cells = list.toList();
        }
        assertEquals(CELLS, cells.size(), "one folder per cell, none duplicated");
        try (Stream<Path> all = Files.walk(crashed)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left behind");
        }
        for (Path cell : cells) {
            String provenance = Files.readString(cell.resolve("provenance.json"));
            assertTrue(provenance.contains("\"status\" : \"ok\""), cell + ": " + provenance);
        }
        Ledger.writeIfComplete();
    }

    /** Cells whose record says they finished. */
    static int completedCells(Path sweep) throws IOException {
        Path cells = sweep.resolve("cells");
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        int done = 0;
        try (Stream<Path> list = Files.list(cells)) {
            for (Path cell : list.toList()) {
                Path provenance = cell.resolve("provenance.json");
                try {
                    if (Files.isRegularFile(provenance) && Files.readString(provenance).contains("\"status\" : \"ok\"")) {
                        done++;
                    }
                } catch (IOException e) {
                    // being replaced right now: not finished as far as this poll can tell
                }
            }
        }
        return done;
    }

    private int runToCompletion(Path folder) throws IOException, InterruptedException {
        Process child = start(folder);
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("sweep did not finish");
        }
        return child.exitValue();
    }

    private Process start(Path folder) throws IOException {
        List<String> args = new ArrayList<>(List.of(SWEEP));
        args.addAll(List.of("--output", folder.toString()));
        return ChildMtrl.start(args, dir, dir.resolve("child-" + System.nanoTime() + ".log"));
    }

    /** summary.csv without its last column (wall time): what must not depend on interruptions. */
    private static List<String> withoutWallTime(Path sweep) throws IOException {
        return Files.readAllLines(sweep.resolve("summary.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }
}
