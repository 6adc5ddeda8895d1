package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtrl.app.Cli;

/**
 * Faults injected into real runs of the {@code tiny} preset: components of a plugin jar that throw,
 * return NaN or arrays of the wrong shape; degenerate numerics that must give defined results; output
 * folders that cannot be written.
 */
class FaultInjectionTest {
    @TempDir
    static Path shared;
    private static Path plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildFaultyPlugin() throws IOException {
        plugins = FaultyPlugins.build(shared);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Category.PLUGIN_THROWS, "optimizer.type=throwing", "optimizer/throwing", "boom", true),
                Arguments.of(Category.PLUGIN_THROWS, "optimizer.type=asserting", "optimizer/asserting",
                        "AssertionError: invariant broken", true),
                Arguments.of(Category.PLUGIN_THROWS, "tasks.type=throwing-draw", "tasks/throwing-draw",
                        "draw() failed: NullPointerException: no task here", false),
                Arguments.of(Category.PLUGIN_THROWS, "data.type=broken-factory", "data/broken-factory",
                        "create() failed: IllegalStateException: factory broken", false),
                Arguments.of(Category.PLUGIN_THROWS, "probes={throwing-probe: {}}", "probe/throwing-probe",
                        "ArrayIndexOutOfBoundsException", true),
                Arguments.of(Category.PLUGIN_NON_FINITE, "optimizer.type=nan-weights", "optimizer/nan-weights",
                        "non-finite weights", true),
                Arguments.of(Category.PLUGIN_NON_FINITE, "data.type=nan-inputs", "data/nan-inputs",
                        "non-finite input: x[", true),
                Arguments.of(Category.PLUGIN_NON_FINITE, "probes={nan-probe: {}}", "probe/nan-probe",
                        "non-finite value for nan-probe.value: NaN", true),
                Arguments.of(Category.PLUGIN_WRONG_SHAPE, "data.type=short-truth", "data/short-truth",
                        "groundTruth() is Matrix[20 x 2] but dim() is 21", false),
                Arguments.of(Category.PLUGIN_WRONG_SHAPE, "model.type=wrong-shape", "model/wrong-shape",
                        "first layer is Matrix[4 x 19]", false),
                Arguments.of(Category.PLUGIN_WRONG_SHAPE, "model.type=wrong-heads", "model/wrong-heads",
                        "heads Matrix[9 x 4]", false),
                Arguments.of(Category.PLUGIN_CONTRACT, "tasks.type=zero-labels", "tasks/zero-labels",
                        "label() gave y[0] = 0.0 (labels must be exactly +1 or -1)", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "tasks.type=nan-labels", "tasks/nan-labels",
                        "label() gave y[0] = NaN (labels must be exactly +1 or -1)", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "tasks.type=overflowing-labels", "tasks/overflowing-labels",
                        "label() failed: ArrayIndexOutOfBoundsException", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "tasks.type=recursive-label", "tasks/recursive-label",
                        "label() failed: StackOverflowError", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "tasks.type=no-tasks", "tasks/no-tasks",
                        "count() returned 0 (the number of tasks must be positive)", false),
                Arguments.of(Category.PLUGIN_CONTRACT, "tasks.type=null-draw", "tasks/null-draw",
                        "draw() returned no task (null)", false),
                Arguments.of(Category.PLUGIN_CONTRACT, "data.type=throwing-sample", "data/throwing-sample",
                        "sample() failed: IllegalStateException: no more samples", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "model.type=null-model", "model/null-model",
                        "build() returned no model (null)", false),
                Arguments.of(Category.PLUGIN_THROWS, "model.type=no-gradient", "model/no-gradient",
                        "newAccumulator() failed: UnsupportedOperationException", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "probes={null-probe: {}}", "probe/null-probe",
                        "returned no metrics (null)", true),
                Arguments.of(Category.PLUGIN_CONTRACT, "probes={twin-probe: {}}", "probe/twin-probe",
                        "returned the metric twin-probe.value, which it had already returned", true));
    }

    /** Exit 1, one error line naming the component, its plugin and jar; a run folder only if training started. */
    @ParameterizedTest
    @MethodSource("faults")
    void aMisbehavingComponentFailsTheRunNamingItsPluginAndJar(Category category, String override, String component,
                                                               String problem, boolean started) throws IOException {
        Path output = dir.resolve("runs");
        Cli cli = Harness.run(List.of("run", "tiny", override, "--quiet", "--output", output.toString(),
                "--plugins-dir", plugins.toString()));
        assertEquals(1, cli.exitCode(), cli.toString());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.toString());
        String line = lines.get(0);
        for (String part : List.of("error: ", component, "plugin 'faulty'", "faulty.jar", problem)) {
            assertTrue(line.contains(part), "'" + part + "' missing from: " + line);
        }
        assertFalse(cli.err().contains("\tat "), cli.toString());
        if (!component.startsWith("optimizer")) {
            assertFalse(line.contains("optimizer/"), "blamed on the optimizer that called it: " + line);
        }
        if (started) {
            try (Stream<Path> runs = Files.list(output)) {
                Path folder = runs.findFirst().orElseThrow();
                String provenance = Files.readString(folder.resolve("provenance.json"));
                assertTrue(provenance.contains("\"status\" : \"failed\"") && provenance.contains(component), provenance);
            }
        } else {
            assertFalse(Files.exists(output), "a component that fails before training leaves no run folder");
        }
        Ledger.record(category, "injected into a run: as expected");
    }

    /**
     * A distribution that declares itself N(0, I) but is not fails a projected run before training (projected
     * sampling would never ask it for samples), naming it; sampled directly, the same run uses its own samples.
     */
    @Test
    void aFalseStandardGaussianClaimFailsAProjectedRunNamingTheDistribution() throws IOException {
        Path output = dir.resolve("claims");
        Cli cli = Harness.run(List.of("run", "tiny", "data.type=false-gaussian", "sampling=projected", "--quiet",
                "--output", output.toString(), "--plugins-dir", plugins.toString()));
        assertEquals(1, cli.exitCode(), cli.toString());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.toString());
        for (String part : List.of("error: data/false-gaussian from plugin 'faulty'", "faulty.jar",
                "declares standardGaussian(), but its inputs' second moment of all values is ",
                "(sampling: direct does without the claim)")) {
            assertTrue(lines.get(0).contains(part), "'" + part + "' missing from: " + lines.get(0));
        }
        assertFalse(Files.exists(output), "the claim is tested before training: no run folder");
        Cli direct = Harness.run(List.of("run", "tiny", "data.type=false-gaussian", "sampling=direct", "--quiet",
                "--output", output.toString(), "--plugins-dir", plugins.toString()));
        assertEquals(0, direct.exitCode(), direct.toString());
        Ledger.record(Category.PLUGIN_CONTRACT, "injected into a run: as expected");
    }

    static Stream<Arguments> degenerate() {
        return Stream.of(
                Arguments.of("all-dead ReLUs (W = 0, b = -1)", List.of("optimizer.type=dead-units")),
                Arguments.of("zero first-layer gradient (joint update from zero heads)",
                        List.of("optimizer.type=joint-gradient", "model.headInit=0")),
                Arguments.of("rank(W) = 1 < r = 2", List.of("model.width=1")),
                Arguments.of("rank(W) = 3 < r = 5", List.of("model.width=3", "data.rank=5")),
                Arguments.of("rank(W) = 1 < r = 2, W never trained", List.of("model.width=1",
                        "optimizer.type=random-features")),
                Arguments.of("one downstream training sample", List.of("probes.downstream-linear.samples=[1]")),
                Arguments.of("every label of every task equal", List.of("tasks.type=biased-threshold",
                        "tasks.biasScale=1e9")));
    }

    /** Degenerate cases run to the end with every metric finite (the run engine refuses any other). */
    @ParameterizedTest
    @MethodSource("degenerate")
    void degenerateCasesGiveDefinedResults(String what, List<String> overrides) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "tiny", "--quiet", "--output", dir.toString(),
                "--plugins-dir", plugins.toString()));
        args.addAll(overrides);
        Cli cli = Harness.run(args);
        assertEquals(0, cli.exitCode(), what + ": " + cli);
        List<String> metrics = cli.out().lines().filter(l -> l.startsWith("  ")).toList();
        assertTrue(metrics.size() > 10, cli.out());
        for (String metric : metrics) {
            double value = Double.parseDouble(metric.strip().split("\\s+")[1]);
            assertTrue(Double.isFinite(value), what + ": " + metric);
        }
        Ledger.record(Category.DEGENERATE, "real run: as expected");
    }

    /** All-dead units learn nothing: the probes say so with their extreme values, not NaN. */
    @Test
    void deadUnitsMeasureAsNothingLearned() {
        Cli cli = Harness.run(List.of("run", "tiny", "--quiet", "--output", dir.toString(), "--plugins-dir",
                plugins.toString(), "optimizer.type=dead-units"));
        assertEquals(0, cli.exitCode(), cli.toString());
        Map<String, Double> metrics = new java.util.HashMap<>();
        cli.out().lines().filter(l -> l.startsWith("  ")).map(l -> l.strip().split("\\s+"))
                .forEach(m -> metrics.put(m[0], Double.parseDouble(m[1])));
        assertEquals(1.0, metrics.get("subspace-distance.max"), 1e-9, "no direction of M learned");
        assertEquals(0.0, metrics.get("energy-outside.value"), 1e-12, "W = 0 has no energy outside span(M)");
        assertEquals(0.0, metrics.get("feature-coverage.rank"), 1e-12);
        assertEquals(0.5, metrics.get("downstream-linear.accuracy"), 0.1, "chance level");
        Ledger.record(Category.DEGENERATE, "real run: as expected");
    }

    static Stream<Arguments> unwritableOutputs() {
        return Stream.of(Arguments.of("a-file.txt/runs"), Arguments.of("a-file.txt"), Arguments.of("a-file.txt/x/y"));
    }

    @ParameterizedTest
    @MethodSource("unwritableOutputs")
    void anOutputFolderThatCannotBeWrittenIsReportedBeforeTraining(String output) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file.txt"), "not a folder");
        Cli cli = Harness.run(List.of("run", "tiny", "--quiet", "--output", dir.resolve(output).toString()));
        assertEquals(1, cli.exitCode(), cli.toString());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.toString());
        assertTrue(lines.get(0).startsWith("error: cannot create a run folder in " + dir.resolve(output)), cli.err());
        assertEquals("not a folder", Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "nothing but the file that was there");
        }
        Ledger.record(Category.OUTPUT_UNWRITABLE, "real run: as expected");
    }

    /** The run folder becomes unwritable after training: the error carries the metrics, nothing is lost silently. */
    @Test
    void resultsThatCannotBeWrittenAreReportedWithTheirMetrics() {
        Path output = dir.resolve("runs");
        Cli cli = Harness.run(List.of("run", "tiny", "--quiet", "--output", output.toString(), "--plugins-dir",
                plugins.toString(), "probes={disk-thief: {folder: '" + output + "'}}"));
        assertEquals(1, cli.exitCode(), cli.toString());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.toString());
        for (String part : List.of("error: the run finished but its results could not be written (cannot write "
                + output, "its metrics: {disk-thief.value=42.0}", "the failure could not be recorded either")) {
            assertTrue(lines.get(0).contains(part), "'" + part + "' missing from: " + lines.get(0));
        }
        Ledger.record(Category.OUTPUT_UNWRITABLE, "real run: as expected");
    }

    @AfterAll
    static void report() {
        Ledger.writeIfComplete();
    }
}
