package org.mtrl.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A threshold search on Spark (each wave of the search one Spark job) against the same search on the
 * local runner: the same thresholds.csv and fits.csv, also when cells are lost and the search is rerun.
 */
class SparkThresholdSearchTest {
    /** n1 = n2 to reach max sin <= 0.5 at d = 10 and 20, two seeds: a few seconds locally. */
    private static final String SEARCH = """
            data: {type: gaussian, dim: 10, rank: 2}
            tasks: {type: linear-threshold, count: 4}
            model: {type: two-layer-relu, width: 16}
            optimizer: {type: multitask-alternating}
            probes: {subspace-distance: {}}
            search:
              key: optimizer.headSamples=optimizer.repSamples
              target: subspace-distance.max <= 0.5
              start: 20
              max: 1280
              ratio: 1.3
              fit: data.dim
            sweep:
              data.dim: [10, 20]
              seed: 1..2
            """;

    @TempDir
    Path dir;

    @Test
    void aSearchOnSparkGivesTheLocalRunnersThresholdsAlsoAfterLostCells() throws Exception {
        Path file = dir.resolve("search.yaml");
        Files.writeString(file, SEARCH);
        Mtrl local = Mtrl.sweep(dir.resolve("local"), List.of(file.toString()));
        assertEquals(0, local.exitCode(), local.toString());
        Path out = dir.resolve("spark");
        Mtrl spark = Mtrl.sweep(out, List.of(file.toString()), "--runner", "spark", "--master", "local[2]");
        assertEquals(0, spark.exitCode(), spark.toString());
        assertTrue(spark.out().contains("4 searches"), spark.out());
        String thresholds = Files.readString(dir.resolve("local/thresholds.csv"));
        assertEquals(thresholds, Files.readString(out.resolve("thresholds.csv")));
        assertEquals(Files.readString(dir.resolve("local/fits.csv")), Files.readString(out.resolve("fits.csv")));
        assertEquals(Mtrl.metricFiles(dir.resolve("local")), Mtrl.metricFiles(out));

        List<Path> cells = SparkLocalModeTest.cellFolders(out);
        SparkLocalModeTest.deleteTree(cells.get(0));
        Files.delete(cells.get(cells.size() - 1).resolve("provenance.json"));
        Mtrl resumed = Mtrl.run("sweep", "--quiet", out.toString(), "--runner", "spark", "--master", "local[2]");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("2 cells ran"), resumed.out());
        assertEquals(thresholds, Files.readString(out.resolve("thresholds.csv")));
    }
}
