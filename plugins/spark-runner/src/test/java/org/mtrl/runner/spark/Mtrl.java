package org.mtrl.runner.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mtrl.app.Main;
import org.mtrl.core.sweep.Csv;
import org.mtrl.core.sweep.SweepDefinition;

/** The real {@code mtrl} command line run in-process, with what it prints; and reading a sweep's results. */
record Mtrl(int exitCode, String out, String err) {
    /** A pipeline small enough for a grid of runs in a second or two. */
    static final List<String> SMALL = List.of("tiny", "data.dim=10", "model.width=16",
            "optimizer.headSamples=200", "optimizer.repSamples=200", "probes={subspace-distance: {}}");

    private static final ObjectMapper JSON = new ObjectMapper();

    static synchronized Mtrl run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Mtrl(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** {@code mtrl sweep --quiet --output OUT <SMALL> ARGS...}. */
    static Mtrl sweep(Path output, List<String> pipeline, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", "--quiet", "--output", output.toString()));
        all.addAll(pipeline);
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    /** The summary's rows without the wall time, the one value that depends on the machine. */
    static List<Map<String, String>> numbers(Path sweep) throws Exception {
        List<List<String>> rows = Csv.read(Files.readString(sweep.resolve("summary.csv")));
        List<String> header = rows.get(0);
        return rows.subList(1, rows.size()).stream().map(row -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).equals("wall_seconds")) {
                    map.put(header.get(i), row.get(i));
                }
            }
            return map;
        }).toList();
    }

    /**
     * Every cell's metrics as its {@code metrics.json} holds them (the exact decimal text of each double),
     * by cell id; the file's timings, which depend on the machine, are left out.
     */
    static Map<String, String> metricFiles(Path sweep) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> cells = Files.list(sweep.resolve(SweepDefinition.CELLS))) {
            for (Path cell : cells.sorted().toList()) {
                Path metrics = cell.resolve("metrics.json");
                files.put(cell.getFileName().toString(), Files.isRegularFile(metrics)
                        ? JSON.readTree(metrics.toFile()).get("metrics").toString() : "");
            }
        }
        return files;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
