package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mtrl.app.Cli;

/** Generated step sizes that make training diverge: every run must fail at the round it happens, and say so. */
class DivergenceFuzzTest {

    @Property(tries = 12, seed = "20241001")
    void aDivergingRunFailsSayingWhereAndWhatToChange(@ForAll @IntRange(min = 100, max = 300) int headExponent,
                                                      @ForAll @IntRange(min = 100, max = 300) int repExponent,
                                                      @ForAll @IntRange(min = 1, max = 30) int rounds)
            throws IOException {
        Path dir = Harness.tempDir();
        try {
            Cli cli = Harness.run(List.of("run", "tiny", "--quiet", "--output", dir.toString(),
                    "optimizer.rounds=" + rounds, "optimizer.headStep=1e" + headExponent,
                    "optimizer.repStep=1e" + repExponent));
            assertEquals(1, cli.exitCode(), cli.toString());
            List<String> lines = cli.err().lines().toList();
            assertEquals(1, lines.size(), cli.toString());
            assertTrue(lines.get(0).matches("error: diverged at round \\d+ \\(.*\\|W\\|=.*\\): reduce repStep/headStep"),
                    lines.get(0));
            int round = Integer.parseInt(lines.get(0).replaceAll("error: diverged at round (\\d+).*", "$1"));
            assertTrue(round >= 1 && round <= rounds, lines.get(0));
            try (Stream<Path> runs = Files.list(dir)) {
                Path folder = runs.findFirst().orElseThrow();
                String provenance = Files.readString(folder.resolve("provenance.json"));
                assertTrue(provenance.contains("\"status\" : \"failed\"") && provenance.contains("diverged at round "
                        + round), provenance);
                assertTrue(Files.exists(folder.resolve("config.yaml")));
            }
            Ledger.record(Category.DIVERGENCE, "real run: as expected");
        } finally {
            Harness.delete(dir);
        }
    }

    /** Finite blow-up (issue 12: steps of 1e6 took the head loss to 4e56 and passed as success). */
    @Property(tries = 8, seed = "20261129")
    void aRunWhoseLossOrWeightsGrowByOrdersOfMagnitudeFails(@ForAll @IntRange(min = 3, max = 8) int exponent,
                                                            @ForAll @IntRange(min = 2, max = 6) int rounds)
            throws IOException {
        Path dir = Harness.tempDir();
        try {
            Cli cli = Harness.run(List.of("run", "tiny", "--quiet", "--output", dir.toString(),
                    "optimizer.rounds=" + rounds, "optimizer.headStep=1e" + exponent, "optimizer.repStep=1e" + exponent));
            assertEquals(1, cli.exitCode(), cli.toString());
            List<String> lines = cli.err().lines().toList();
            assertEquals(1, lines.size(), cli.toString());
            assertTrue(lines.get(0).matches("error: diverged at round \\d+ \\(\\S+=\\S+ is over divergenceGrowth=1\\.00e\\+06 "
                    + "times its start .*\\): reduce repStep/headStep"), lines.get(0));
            try (Stream<Path> runs = Files.list(dir)) {
                String provenance = Files.readString(runs.findFirst().orElseThrow().resolve("provenance.json"));
                assertTrue(provenance.contains("\"status\" : \"failed\"") && provenance.contains("is over divergenceGrowth"),
                        provenance);
            }
            Ledger.record(Category.DIVERGENCE_GROWTH, "real run: as expected");
        } finally {
            Harness.delete(dir);
        }
    }

    @AfterContainer
    static void report() {
        Ledger.writeIfComplete();
    }
}
