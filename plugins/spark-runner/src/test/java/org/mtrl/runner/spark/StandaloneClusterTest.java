package org.mtrl.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.core.sweep.SweepDefinition;

/**
 * A sweep on a real standalone cluster on loopback (a master and two workers, separate JVMs), with one
 * worker and its executor killed mid-sweep: Spark reruns the lost cells on the other worker, and every
 * cell is recorded exactly once with the same numbers as on the local runner.
 */
class StandaloneClusterTest {
    /** Cells of about a second each, so the kill lands while cells are running. */
    private static final List<String> PIPELINE = List.of("tiny", "data.dim=40", "model.width=64",
            "optimizer.headSamples=30000", "optimizer.repSamples=30000", "probes={subspace-distance: {}}");
    private static final String[] GRID = {"tasks.count=4,8", "seeds=1..5"};

    @TempDir
    Path dir;

    @Test
    void aSweepSurvivesALostWorkerAndEveryCellIsRecordedOnceWithTheLocalNumbers() throws Exception {
        Mtrl local = Mtrl.sweep(dir.resolve("local"), PIPELINE, GRID);
        assertEquals(0, local.exitCode(), local.toString());

        Path out = dir.resolve("cluster");
        String host = System.getProperty("spark.driver.host");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        try (LoopbackCluster cluster = LoopbackCluster.start(dir.resolve("spark"), 2)) {
            List<String> args = new ArrayList<>(List.of("sweep", "--quiet", "--output", out.toString()));
            args.addAll(PIPELINE);
            args.addAll(List.of(GRID[0], GRID[1], "--runner", "spark", "--master", cluster.master()));
            CompletableFuture<Mtrl> sweep = CompletableFuture.supplyAsync(() -> Mtrl.run(args.toArray(String[]::new)));

            awaitRecordedCells(out, 1, sweep, cluster);
            awaitTaskOn(cluster, 0, sweep);
            assertTrue(recordedCells(out) < 10, "the sweep finished before the kill; make the cells longer");
            assertTrue(cluster.killWorker(0) > 0, "worker 0 had no executor to kill");

            Mtrl spark = sweep.get(240, TimeUnit.SECONDS);
            assertEquals(0, spark.exitCode(), spark + "\n" + cluster.log("master"));
            assertTrue(spark.out().contains("10 cells; 10 ran, 0 already finished, 0 failed"), spark.out());
            // the driver lost the executor while it ran a cell; that cell ran again elsewhere, recorded once
            assertTrue(spark.err().contains("Lost executor"), spark.err());
            assertEquals(10, recordedCells(out));
            List<Map<String, String>> rows = Mtrl.numbers(out);
            assertEquals(Mtrl.numbers(dir.resolve("local")), rows);
            assertEquals(Mtrl.metricFiles(dir.resolve("local")), Mtrl.metricFiles(out));
        } finally {
            System.clearProperty("spark.driver.bindAddress");
            if (host == null) {
                System.clearProperty("spark.driver.host");
            } else {
                System.setProperty("spark.driver.host", host);
            }
        }
    }

    private static void awaitRecordedCells(Path sweep, int count, CompletableFuture<Mtrl> running,
                                           LoopbackCluster cluster) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (recordedCells(sweep) < count) {
            if (running.isDone()) {
                throw new AssertionError("the sweep ended early: " + running.get() + "\n" + cluster.log("master"));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " cells recorded within 180 s\n" + cluster.log("worker-0"));
            }
            Thread.sleep(100);
        }
    }

    private static void awaitTaskOn(LoopbackCluster cluster, int worker, CompletableFuture<Mtrl> running)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!cluster.runsATask(worker)) {
            if (running.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("worker " + worker + " ran no task while the sweep ran\n"
                        + cluster.log("worker-" + worker));
            }
            Thread.sleep(20);
        }
    }

    /** Cells whose record is complete: their provenance (written last) is there. */
    private static long recordedCells(Path sweep) throws Exception {
        Path cells = sweep.resolve(SweepDefinition.CELLS);
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(cells)) {
            return list.filter(c -> Files.isRegularFile(c.resolve("provenance.json"))).count();
        }
    }
}
