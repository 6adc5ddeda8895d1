package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.Experiment;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.runtime.PoolWorkers;

/** The trained weights are the same bits on any thread count, and training memory does not grow with n. */
class StreamingTest {

    private static double[] trainedFirstLayer(int threads) {
        try (PoolWorkers workers = new PoolWorkers(threads)) {
            Experiment experiment = new RunEngine(workers, ProgressListener.NONE).assemble(TestRuns.config(
                    "data.dim=37", "data.rank=3", "model.width=44", "tasks.count=9", "optimizer.headSamples=1300",
                    "optimizer.repSamples=1700", "optimizer.rounds=2", "optimizer.trainBias=true",
                    "probes={energy-outside: {}}"));
            Experiment.Prepared prepared = experiment.prepare();
            experiment.run(prepared);
            return prepared.model().firstLayer().data().clone();
        }
    }

    @Test
    void oneTwoAndEightThreadsTrainTheSameBits() {
        double[] one = trainedFirstLayer(1);
        assertTrue(java.util.Arrays.stream(one).anyMatch(v -> v != 0), "training left W at zero");
        assertArrayEquals(one, trainedFirstLayer(2), 0.0);
        assertArrayEquals(one, trainedFirstLayer(8), 0.0);
    }

    /**
     * 4 tasks x 2 x 150,000 samples of dimension 100 would take 960 MB if held at once; the bench runs
     * them in a JVM limited to a 64 MB heap, and its reported heap peak stays under that.
     */
    @Test
    void aLargeSampleCountTrainsInASmallHeap() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", "--threads", "2", "d=100", "m=16", "T=4", "n1=150000", "n2=150000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String json = output.strip().lines().reduce((first, second) -> second).orElseThrow();
        double peakHeap = Double.parseDouble(json.replaceAll(".*\"peak_heap_mib\":([0-9.]+).*", "$1"));
        assertTrue(peakHeap < 64, output);
    }
}
