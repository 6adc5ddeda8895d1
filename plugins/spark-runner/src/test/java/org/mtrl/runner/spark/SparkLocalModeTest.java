package org.mtrl.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.core.sweep.SweepDefinition;

/** The Spark runner on a local[N] master against the local runner: same cells, same numbers, same folder. */
class SparkLocalModeTest {
    private static final String[] GRID = {"tasks.count=2,6", "seeds=1..3"};

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** The reference: the grid on the local runner. */
    @BeforeAll
    static void runLocally() {
        Mtrl local = Mtrl.sweep(shared.resolve("local"), Mtrl.SMALL, GRID);
        assertEquals(0, local.exitCode(), local.toString());
    }

    @Test
    void aSweepOnSparkEqualsTheSameSweepOnTheLocalRunnerCellByCell() throws Exception {
        Path out = dir.resolve("spark");
        Mtrl spark = Mtrl.sweep(out, Mtrl.SMALL, GRID[0], GRID[1], "--runner", "spark", "--master", "local[2]");
        assertEquals(0, spark.exitCode(), spark.toString());
        assertTrue(spark.out().contains("6 cells; 6 ran, 0 already finished, 0 failed"), spark.out());
        assertEquals(Mtrl.numbers(shared.resolve("local")), Mtrl.numbers(out));
        Map<String, String> metrics = Mtrl.metricFiles(out);
        assertEquals(6, metrics.size());
        assertEquals(Mtrl.metricFiles(shared.resolve("local")), metrics);
        assertTrue(metrics.values().stream().allMatch(m -> m.contains("subspace-distance.max")), metrics.toString());
    }

    @Test
    void aSweepStartedLocallyFinishesOnSparkAndTheReverse() throws Exception {
        Path local = dir.resolve("local-then-spark");
        Mtrl first = Mtrl.sweep(local, Mtrl.SMALL, "tasks.count=2,6", "seeds=1");
        assertEquals(0, first.exitCode(), first.toString());
        Mtrl rest = Mtrl.run("sweep", "--quiet", local.toString(), "seeds=1..3", "--extend", "--runner", "spark",
                "--master", "local[2]");
        assertEquals(0, rest.exitCode(), rest.toString());
        assertTrue(rest.out().contains("4 ran, 2 already finished, 0 failed"), rest.out());
        assertEquals(Mtrl.numbers(shared.resolve("local")), Mtrl.numbers(local));

        Path spark = dir.resolve("spark-then-local");
        Mtrl started = Mtrl.sweep(spark, Mtrl.SMALL, GRID[0], GRID[1], "--runner", "spark", "--master", "local[2]");
        assertEquals(0, started.exitCode(), started.toString());
        // as if killed: one cell never written, one cut off before its provenance said ok
        List<Path> cells = cellFolders(spark);
        deleteTree(cells.get(0));
        Files.delete(cells.get(1).resolve("provenance.json"));
        Mtrl resumed = Mtrl.run("sweep", "--quiet", spark.toString());
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("2 ran, 4 already finished, 0 failed"), resumed.out());
        assertEquals(Mtrl.numbers(shared.resolve("local")), Mtrl.numbers(spark));
        assertEquals(Mtrl.metricFiles(shared.resolve("local")), Mtrl.metricFiles(spark));
    }

    @Test
    void aCellThatFailsByItselfIsRecordedFailedOnceAndNotRetried() throws Exception {
        Path out = dir.resolve("failing");
        // four tries per task: a cell failure that reached Spark would be retried, then abort the job
        Mtrl spark = Mtrl.sweep(out, Mtrl.SMALL, "seeds=1,2", "--runner", "spark", "--master", "local[2,4]",
                "optimizer={type: multitask-alternating},"
                        + "{type: multitask-alternating, rounds: 40, headStep: 1e200, repStep: 1e200}");
        assertEquals(1, spark.exitCode(), spark.toString());
        assertTrue(spark.out().contains("4 ran, 0 already finished, 2 failed"), spark.out());
        assertTrue(spark.err().contains("diverged"), spark.err());
        List<Map<String, String>> rows = Mtrl.numbers(out);
        assertEquals(List.of("ok", "ok", "failed", "failed"), rows.stream().map(r -> r.get("status")).toList());
        Path failed = out.resolve("cells").resolve(rows.get(2).get("cell"));
        assertTrue(Files.readString(failed.resolve("provenance.json")).contains("diverged"));
        String log = Files.readString(failed.resolve("run.log"));
        assertEquals(1, log.split("] failed: ", -1).length - 1, log);
    }

    @Test
    void aMissingOrMalformedMasterIsAConfigurationError() {
        Mtrl none = Mtrl.sweep(dir.resolve("none"), Mtrl.SMALL, "seeds=1,2", "--runner", "spark");
        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.err().contains("--master") && none.err().contains("local[2]"), none.err());
        Mtrl bad = Mtrl.sweep(dir.resolve("bad"), Mtrl.SMALL, "seeds=1,2", "--runner", "spark", "--master", "localhost");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("'localhost' is not a Spark master"), bad.err());
        Mtrl unknown = Mtrl.sweep(dir.resolve("unknown"), Mtrl.SMALL, "seeds=1,2", "--runner", "sparks");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("unknown runner 'sparks'; available: local, spark"), unknown.err());
    }

    static List<Path> cellFolders(Path sweep) throws Exception {
        try (Stream<Path> cells = Files.list(sweep.resolve(SweepDefinition.CELLS))) {
            return cells.sorted().toList();
        }
    }

    static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
