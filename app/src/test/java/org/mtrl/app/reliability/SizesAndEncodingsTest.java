package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.app.Cli;

/**
 * Sizes that cannot fit this JVM, configuration files that are not UTF-8 text, and output folders
 * reached through a folder that does not exist: each refused with one message a person can act on.
 */
class SizesAndEncodingsTest {
    private static final long MAX = Integer.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    void sizesBeyondIntLongOrTheHeapAreRefusedAtResolution() {
        for (long tasks : List.of(67_108_864L, 1_000_000_000L, MAX)) {
            infeasible(List.of("tasks.count=" + tasks), "tasks.count=" + tasks);
        }
        for (long dim : List.of(10_000_000L, 100_000_000L, MAX)) {
            infeasible(List.of("data.dim=" + dim), "data.dim=" + dim);
        }
        for (String samples : List.of("headSamples", "repSamples")) {
            for (long tasks : List.of(10_000L, 100_000L, 1_000_000L)) {
                infeasible(List.of("tasks.count=" + tasks, "optimizer." + samples + "=" + MAX),
                        "optimizer." + samples + "=" + MAX);
            }
        }
        infeasible(List.of("optimizer.type=joint-gradient", "tasks.count=100000", "optimizer.repSamples=" + MAX),
                "optimizer.repSamples=" + MAX);
    }

    private static void infeasible(List<String> overrides, String mention) {
        Harness.expectBadInput(CliCase.overrides(Category.INFEASIBLE, overrides, List.of(mention), List.of("too large")));
    }

    @Test
    void filesThatAreNotUtf8TextSaySo() {
        String yaml = "seed: 2\ndata: {dim: 30}\n";
        List<byte[]> encodings = new ArrayList<>();
        encodings.add(yaml.getBytes(StandardCharsets.UTF_16)); // big-endian with a byte-order mark
        encodings.add(withBom(new byte[] {(byte) 0xff, (byte) 0xfe}, yaml.getBytes(StandardCharsets.UTF_16LE)));
        encodings.add(yaml.getBytes(StandardCharsets.UTF_16LE));
        encodings.add(yaml.getBytes(StandardCharsets.UTF_16BE));
        encodings.add("seed: 2 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        encodings.add("seed: 2\n\0\0\0".getBytes(StandardCharsets.UTF_8));
        for (byte[] content : encodings) {
            for (String name : List.of("config.yaml", "config.json")) {
                Harness.expectBadInput(CliCase.file(Category.FILE_NOT_UTF8, name.endsWith("json") ? "JSON file"
                        : "YAML file", name, content, List.of(), List.of(name, "not UTF-8 text")));
            }
        }
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        return all;
    }

    @Test
    void anOutputThroughAMissingFolderGivesTheReasonAndCreatesNothing() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        String output = work + "/missing/../x/y";
        for (List<String> command : List.of(List.of("run", "tiny", "--quiet"), List.of("sweep", "tiny", "seeds=1,2",
                "--quiet"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--output", output, "probes={subspace-distance: {}}"));
            Cli cli = Harness.run(args);
            assertEquals(1, cli.exitCode(), cli.toString());
            assertEquals(1, cli.err().lines().count(), cli.toString());
            assertTrue(cli.err().startsWith("error: cannot ") && cli.err().contains(output + ": ")
                    && cli.err().contains("missing does not exist"), cli.toString());
            assertFalse(cli.err().contains("\tat "), cli.toString());
            try (var left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), "nothing created: " + cli);
            }
            Ledger.record(Category.OUTPUT_MISSING_PARENT, "mtrl " + command.get(0) + ": as expected");
        }
    }

    @AfterAll
    static void report() {
        Ledger.writeIfComplete();
    }
}
