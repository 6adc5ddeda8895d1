package org.mtrl.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.record.AtomicFiles;
import org.mtrl.core.runtime.PoolWorkers;

/**
 * Runs a sweep in its folder: every cell of the grid is resolved and assembled first (a bad value in
 * any cell stops the sweep before any work), then the cells not already finished run in parallel,
 * each in {@code cells/<hash of its resolved configuration>}. A cell's numbers depend only on its
 * configuration, so the tables do not depend on the thread count; they are rewritten, in grid order,
 * each time a cell finishes. A cell whose record is missing, partial or corrupt runs again; a failed
 * cell is recorded with its error and, unless failing fast, the others go on.
 */
public final class SweepEngine {
    private final ConfigResolver resolver;
    private final int threads;
    private final boolean failFast;
    private final SweepListener listener;

    /**
     * @param threads  cores to use: up to this many cells at once, each with an equal share of threads
     * @param failFast whether a failed cell stops the cells not yet started
     */
    public SweepEngine(ConfigResolver resolver, int threads, boolean failFast, SweepListener listener) {
        this.resolver = resolver;
        this.threads = threads;
        this.failFast = failFast;
        this.listener = listener;
    }

    /** What a sweep did: every row of the grid, and how many cells ran, were reused and failed. */
    public record Outcome(List<SummaryTable.Row> rows, int ran, int reused, int failed, boolean stopped) {
    }

    /** A cell resolved, with the id (hash) that names its folder. */
    private record Planned(SweepCell cell, RunConfig config, String id) {
    }

    public Outcome run(Path folder, SweepDefinition definition) {
        List<String> axisKeys = definition.spec().axes().stream().map(SweepSpec.Axis::key).toList();
        long baseSeed = definition.base().path("seed").asLong(1);
        List<Planned> plan = new ArrayList<>();
        for (SweepCell cell : definition.spec().cells(baseSeed)) {
            RunConfig config;
            try {
                config = resolver.resolve(List.of(definition.base()), cell.overrides());
            } catch (ConfigException e) {
                throw inCell(cell, e);
            }
            plan.add(new Planned(cell, config, id(config)));
        }
        Map<String, Planned> distinct = new LinkedHashMap<>();
        plan.forEach(p -> distinct.putIfAbsent(p.id(), p));
        Map<String, CellResult> results = new LinkedHashMap<>();
        List<Planned> toRun = new ArrayList<>();
        for (Planned p : distinct.values()) {
            CellResult.read(cellFolder(folder, p.id())).filter(CellResult::ok)
                    .ifPresentOrElse(r -> results.put(p.id(), r), () -> toRun.add(p));
        }
        validate(toRun);
        AtomicFiles.deleteLeftovers(folder);
        definition.write(folder);
        toRun.forEach(p -> delete(cellFolder(folder, p.id())));
        Tables tables = new Tables(folder, axisKeys, plan, results);
        tables.write();

        listener.started(distinct.size(), toRun.size());
        int concurrent = Math.max(1, Math.min(threads, toRun.size()));
        int perCell = Math.max(1, threads / concurrent);
        AtomicBoolean stop = new AtomicBoolean();
        int[] done = {0};
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(r, "mtrl-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Planned p : toRun) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return;
                    }
                    CellResult result = runCell(folder, p, perCell);
                    if (!result.ok() && failFast) {
                        stop.set(true);
                    }
                    int finished;
                    synchronized (tables) {
                        results.put(p.id(), result);
                        tables.write();
                        finished = ++done[0];
                    }
                    listener.cellFinished(p.cell(), result, finished, toRun.size());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the sweep", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<SummaryTable.Row> rows = tables.rows();
        int failed = (int) distinct.keySet().stream().filter(id -> results.containsKey(id) && !results.get(id).ok())
                .count();
        return new Outcome(rows, done[0] , distinct.size() - toRun.size(), failed, stop.get());
    }

    /** The folder of the cell with id {@code id}. */
    public static Path cellFolder(Path sweep, String id) {
        return sweep.resolve(SweepDefinition.CELLS).resolve(id);
    }

    /** The first 16 hex digits of the SHA-256 of the resolved configuration's JSON text. */
    public static String id(RunConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ConfigTrees.toJson(config.tree()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Assembles and prepares every cell to run, so a configuration a component rejects stops the sweep now. */
    private void validate(List<Planned> toRun) {
        try (PoolWorkers workers = new PoolWorkers(1)) {
            RunEngine engine = new RunEngine(workers, ProgressListener.NONE);
            for (Planned p : toRun) {
                try {
                    engine.assemble(p.config()).prepare();
                } catch (ConfigException e) {
                    throw inCell(p.cell(), e);
                }
            }
        }
    }

    private CellResult runCell(Path folder, Planned p, int perCell) {
        listener.cellStarted(p.cell());
        Path cellFolder = cellFolder(folder, p.id());
        long start = System.nanoTime();
        try (PoolWorkers workers = new PoolWorkers(perCell)) {
            new RunEngine(workers, listener.runProgress(p.cell())).runIn(p.config(), cellFolder);
        } catch (RuntimeException e) {
            // the run's own record says why, when it got far enough to write one
            return CellResult.read(cellFolder).orElse(CellResult.failed(String.valueOf(e.getMessage()),
                    (System.nanoTime() - start) / 1e9));
        }
        return CellResult.read(cellFolder).orElse(CellResult.failed("the run finished but its record cannot be read",
                (System.nanoTime() - start) / 1e9));
    }

    private static ConfigException inCell(SweepCell cell, ConfigException e) {
        return new ConfigException(e.path(), "in sweep cell " + cell.describe() + ": "
                + (e.path().isEmpty() ? e.getMessage() : e.getMessage().substring(e.path().length() + 2)));
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the unfinished cell " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The grid's rows with the results known so far, written as the tables. */
    private static final class Tables {
        private final Path folder;
        private final List<String> axisKeys;
        private final List<Planned> plan;
        private final Map<String, CellResult> results;

        Tables(Path folder, List<String> axisKeys, List<Planned> plan, Map<String, CellResult> results) {
            this.folder = folder;
            this.axisKeys = axisKeys;
            this.plan = plan;
            this.results = results;
        }

        synchronized List<SummaryTable.Row> rows() {
            return plan.stream().map(p -> new SummaryTable.Row(p.cell(), p.id(), results.get(p.id()))).toList();
        }

        synchronized void write() {
            SummaryTable.write(folder, axisKeys, rows());
        }
    }
}
