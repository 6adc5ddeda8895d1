package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A threshold search in a child JVM, killed with SIGKILL mid-search (after a few more cells each time)
 * and rerun each time, ends with the thresholds.csv of an uninterrupted search: the searches replay
 * their finished cells and go on where they stopped.
 */
@Tag("slow")
class ThresholdSearchCrashTest {
    private static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void aKilledAndRerunSearchEndsWithTheUninterruptedThresholds() throws Exception {
        Path file = dir.resolve("search.yaml");
        Files.writeString(file, org.mtrl.app.ThresholdSearchTestFile.SEARCH);
        Path reference = dir.resolve("reference");
        assertEquals(0, runToCompletion(file, reference), "uninterrupted search");

        Path crashed = dir.resolve("crashed");
        int killed = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = start(file, crashed);
            int target = SweepCrashTest.completedCells(crashed) + 2 + k;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (child.isAlive() && SweepCrashTest.completedCells(crashed) < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
                killed++;
            }
        }
        assertTrue(killed >= 2, "the search was actually interrupted (" + killed + " kills)");
        assertTrue(SweepCrashTest.completedCells(crashed) < SweepCrashTest.completedCells(reference), "killed before its end");
        assertEquals(0, runToCompletion(file, crashed), "resumed search");
        assertEquals(Files.readString(reference.resolve("thresholds.csv")), Files.readString(crashed.resolve("thresholds.csv")));
        assertEquals(Files.readString(reference.resolve("fits.csv")), Files.readString(crashed.resolve("fits.csv")));
        assertEquals(SweepCrashTest.completedCells(reference), SweepCrashTest.completedCells(crashed), "no cell duplicated or missing");
    }

    private int runToCompletion(Path file, Path folder) throws IOException, InterruptedException {
        Process child = start(file, folder);
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("search did not finish");
        }
        return child.exitValue();
    }

    private Process start(Path file, Path folder) throws IOException {
        return ChildMtrl.start(List.of("sweep", file.toString(), "--quiet", "--threads", "2", "--output", folder.toString()),
                dir, dir.resolve("child-" + System.nanoTime() + ".log"));
    }
}
