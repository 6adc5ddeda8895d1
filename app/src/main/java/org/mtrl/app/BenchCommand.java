package org.mtrl.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.sampling.ModelSamples;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.core.assembly.Experiment;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.assembly.RunResult;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.sampling.SamplingChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mtrl bench}: the paper's method on a workload given in the NumPy peer's terms, timed by phase,
 * with the peer's metrics; the last line is one JSON object with the peer's keys, so the two programs'
 * outputs can be compared line against line ({@code docs/performance.md}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the paper's method on a workload (as the NumPy peer does) and print the peer's metrics.")
final class BenchCommand implements Callable<Integer> {
    private static final int CALIBRATION_CHUNKS = 5;

    @Option(names = "--workload", paramLabel = "NAME", defaultValue = "paper",
            description = "paper (d=100, T=100, n1=n2=5000, m=200), large (d=4000, T=200) or huge (d=100000, "
                    + "T=200); default: ${DEFAULT-VALUE}")
    String workload;

    @Parameters(paramLabel = "KEY=VALUE", description = "workload changes in the peer's names: d, r, m, T, n1, n2, "
            + "rounds, seed; and sampling=auto|direct|projected")
    List<String> changes = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BenchWorkload load = BenchWorkload.of(workload, changes);
        PluginRegistry registry = plugins.registryReporting(spec.commandLine().getErr());
        RunConfig config = ConfigSource.of(load.overrides()).resolve(registry);
        int n = Threads.resolve(threads);
        PhaseClock clock = new PhaseClock();
        long start = System.nanoTime();
        RunResult result;
        Experiment.Prepared prepared;
        double total;
        ModelSamples fed;
        try (PoolWorkers workers = new PoolWorkers(n)) {
            clock.phaseStarted("assembly");
            Experiment experiment = new RunEngine(workers, clock).assemble(config);
            prepared = experiment.prepare();
            result = experiment.run(prepared);
            clock.stop();
            total = (System.nanoTime() - start) / 1e9;
            fed = prepared.sampling().sampling().forModel(prepared.model()); // for the calibration below
        }
        // Measurement aids, outside the timed work (the peer's total has nothing of the kind).
        String fingerprint = fingerprint(prepared.model().firstLayer().data());
        double samplingSeconds = samplingSecondsPerSample(fed, prepared.problem());
        double samples = (double) load.get("T") * (load.get("n1") + load.get("n2")) * load.get("rounds");
        // threads beyond the cores share them: they do not draw faster
        double generate = samples * samplingSeconds / Math.min(n, Runtime.getRuntime().availableProcessors());
        double assembly = clock.seconds("assembly");
        double head = clock.seconds("head step");
        double rep = clock.seconds("representation step");
        double probes = clock.seconds("probe");
        double energy = result.metrics().get("energy-outside.value");
        double sine = result.metrics().get("subspace-distance.max");
        double peakHeap = peakHeapMib();
        double peakRss = peakRssMib();
        double gflops = (load.flopsHead() + load.flopsRepresentation()) / (head + rep) / 1e9;
        double repGflops = load.flopsRepresentation() / rep / 1e9;
        String kernels = System.getProperty("mtrl.kernels", "auto") + (vectorApi() ? " (Vector API present)"
                : " (Vector API absent)");

        out.printf(Locale.ROOT, "workload %s %s, %d threads, kernels %s%n", workload, load.values(), n, kernels);
        printSampling(out, prepared.sampling());
        out.printf(Locale.ROOT, "  assembly                      %8.3f s%n", assembly);
        out.printf(Locale.ROOT, "  head step (sampling fused)    %8.3f s  %6.1f GFLOP/s%n", head,
                load.flopsHead() / head / 1e9);
        out.printf(Locale.ROOT, "  representation step (fused)   %8.3f s  %6.1f GFLOP/s%n", rep, repGflops);
        out.printf(Locale.ROOT, "  of which drawing and labelling samples, estimated  %.3f s%n", generate);
        out.printf(Locale.ROOT, "  probes                        %8.3f s%n", probes);
        out.printf(Locale.ROOT, "  total                         %8.3f s  %6.1f GFLOP/s over both steps%n", total,
                gflops);
        out.printf(Locale.ROOT, "  peak heap %.1f MiB, peak RSS %.1f MiB%n", peakHeap, peakRss);
        out.printf(Locale.ROOT, "  energy outside span(M) %.4f, max principal-angle sine %.4f%n", energy, sine);
        out.printf(Locale.ROOT, "  trained W fingerprint %s (equal on any thread count)%n", fingerprint);

        Map<String, Object> json = new LinkedHashMap<>();
        // fused into the steps (samples are drawn chunk by chunk inside them): an estimate, not a phase
        json.put("generate_s", round(generate, 3));
        json.put("steps_s", round(head + rep, 3));
        json.put("energy_outside", round(energy, 4));
        json.put("max_sine", round(sine, 4));
        json.put("total_s", round(total, 3));
        json.put("peak_rss_mib", round(peakRss, 1));
        json.put("workload", load.values());
        json.put("assembly_s", round(assembly, 3));
        json.put("head_s", round(head, 3));
        json.put("rep_s", round(rep, 3));
        json.put("probes_s", round(probes, 3));
        json.put("gflops", round(gflops, 1));
        json.put("rep_gflops", round(repGflops, 1));
        json.put("peak_heap_mib", round(peakHeap, 1));
        json.put("threads", n);
        json.put("sampling", prepared.sampling().projected() ? "projected" : "direct");
        json.put("w_fingerprint", fingerprint);
        try {
            out.println(new ObjectMapper().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bench summary", e);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Seconds per sample to draw and label on one thread: the best of three passes over
     * {@value #CALIBRATION_CHUNKS} chunks of task 0, from streams of their own (the run's streams are
     * not touched). Sampling is fused into the steps, so its share can only be estimated.
     */
    private static double samplingSecondsPerSample(ModelSamples fed, Problem problem) {
        Batch batch = new Batch(fed.groundTruth().dim(), fed.groundTruth().rank(), SamplePlan.CHUNK);
        RandomStreams streams = new SeededRandomStreams(0).scoped("bench-calibration");
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long start = System.nanoTime();
            for (int c = 0; c < CALIBRATION_CHUNKS; c++) {
                fed.samples().draw(problem.tasks().get(0), streams.stream("x", c), batch, SamplePlan.CHUNK);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e9 / ((double) CALIBRATION_CHUNKS * SamplePlan.CHUNK);
    }

    /**
     * The sampling the run used. Under projected sampling the GFLOP/s figures count the flops of
     * explicit sampling (the work the run stood in for), so they are effective rates.
     */
    private static void printSampling(PrintWriter out, SamplingChoice sampling) {
        out.printf(Locale.ROOT, "  sampling %s%s%n", sampling.description(),
                sampling.projected() ? "; GFLOP/s below are effective (explicit sampling's flops)" : "");
    }

    /** FNV-1a over the bits of every entry: equal fingerprints mean, in practice, bit-identical weights. */
    static String fingerprint(double[] values) {
        long h = 0xCBF29CE484222325L;
        for (double v : values) {
            h = (h ^ Double.doubleToRawLongBits(v)) * 0x100000001B3L;
        }
        return String.format("%016x", h);
    }

    private static double round(double value, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }

    private static boolean vectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Sum over heap pools of each pool's peak usage (an upper bound of the heap's peak). */
    private static double peakHeapMib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** The process's peak resident set (VmHWM), or NaN where /proc is not available. */
    private static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
