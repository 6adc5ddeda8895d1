package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.app.Cli;
import org.mtrl.core.sweep.SweepFolder;

/**
 * Two sweeps on one folder at once, from two processes: while the first (a child JVM) runs, the second
 * is refused naming the folder; the first finishes with its own definition and tables.
 */
@Tag("slow")
class ConcurrentSweepsTest {
    private static final String[] SWEEP = {"sweep", "tiny", "tasks.count=2,4,8", "seeds=1..3", "--quiet",
        "--threads", "1"};

    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsRefusedWhileTheFirstRunsAndTheFirstEndsWhole() throws Exception {
        Path folder = dir.resolve("shared");
        Process first = start(folder);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!lockedByAnotherProcess(folder)) {
                assertTrue(first.isAlive() && System.nanoTime() < deadline, "the first sweep took the lock");
                Thread.sleep(20);
            }
            Cli second = Harness.run(List.of("sweep", "tiny", "model.loss=hinge", "seeds=1..2", "--quiet",
                    "--output", folder.toString()));
            assertEquals(2, second.exitCode(), second.toString());
            assertTrue(second.err().contains(folder + " is in use: another mtrl process holds its lock"),
                    second.toString());
            assertTrue(first.isAlive(), "the refusal was decided by the lock, not by a finished folder");
            assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the first sweep finishes");
        } finally {
            first.destroyForcibly();
        }
        assertEquals(0, first.exitValue());
        assertTrue(Files.readString(folder.resolve("sweep.yaml")).contains("loss: logistic"));
        assertEquals(10, Files.readAllLines(folder.resolve("summary.csv")).size(), "9 cells and a header");
    }

    /** Whether another process holds the folder's lock (this JVM holds none of its own here). */
    private static boolean lockedByAnotherProcess(Path folder) throws IOException {
        Path lock = folder.resolve(SweepFolder.LOCK);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        }
    }

    private Process start(Path folder) throws IOException {
        List<String> args = new ArrayList<>(List.of(SWEEP));
        args.addAll(List.of("--output", folder.toString()));
        return ChildMtrl.start(args, dir, dir.resolve("first.log"));
    }
}
