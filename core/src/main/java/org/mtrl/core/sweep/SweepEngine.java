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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * any cell stops the sweep before any work), then the cells not already finished run on a
 * {@link CellRunner} (this machine's threads, or a cluster), each recorded in
 * {@code cells/<hash of its resolved configuration>}. A cell's numbers depend only on its
 * configuration, so the tables do not depend on the thread count or the runner; they are rewritten, in grid order,
 * as cells finish ({@link WriteThrottle}) and at the end. A cell whose record is missing, partial or corrupt runs again; a failed
 * cell is recorded with its error and, unless failing fast, the others go on.
 */
public final class SweepEngine {
    private final ConfigResolver resolver;
    private final CellRunner runner;
    private final boolean failFast;
    private final SweepListener listener;

    /**
     * @param runner   where the cells run
     * @param failFast whether a failed cell stops the cells not yet started
     */
    public SweepEngine(ConfigResolver resolver, CellRunner runner, boolean failFast, SweepListener listener) {
        this.resolver = resolver;
        this.runner = runner;
        this.failFast = failFast;
        this.listener = listener;
    }

    /** What a sweep did: every row of the grid, and how many cells ran, were reused and failed. */
    public record Outcome(List<SummaryTable.Row> rows, int ran, int reused, int failed, boolean stopped) {
    }

    /**
     * Runs the sweep {@code definition} in {@code folder}, which the caller has claimed
     * ({@link SweepFolder}) and whose grid it has reconciled with the folder's.
     */
    public Outcome run(Path folder, SweepDefinition definition) {
        List<String> axisKeys = definition.spec().axes().stream().map(SweepSpec.Axis::key).toList();
        List<PlannedCell> plan = SweepPlan.resolve(resolver, definition);
        Map<String, CellResult> results = new LinkedHashMap<>();
        List<PlannedCell> toRun = new ArrayList<>();
        for (PlannedCell p : plan) {
            CellResult.read(cellFolder(folder, p.id())).filter(CellResult::ok)
                    .ifPresentOrElse(r -> results.put(p.id(), r), () -> toRun.add(p));
        }
        validate(toRun);
        AtomicFiles.deleteLeftovers(folder);
        deleteStagingFolders(folder);
        definition.write(folder);
        toRun.forEach(p -> delete(cellFolder(folder, p.id())));
        Tables tables = new Tables(folder, axisKeys, plan, results);
        tables.write();

        listener.started(plan.size(), toRun.size());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        try {
            runner.run(folder, toRun, new CellRunner.Sink() {
                @Override
                public boolean stopping() {
                    return stop.get();
                }

                @Override
                public void started(PlannedCell cell) {
                    listener.cellStarted(cell.cell());
                }

                @Override
                public ProgressListener progress(PlannedCell cell) {
                    return listener.runProgress(cell.cell());
                }

                @Override
                public void finished(PlannedCell cell, CellResult result) {
                    if (!result.ok() && failFast) {
                        stop.set(true);
                    }
                    int finished;
                    synchronized (tables) {
                        results.put(cell.id(), result);
                        tables.cellFinished();
                        finished = done.incrementAndGet();
                    }
                    listener.cellFinished(cell.cell(), result, finished, toRun.size());
                }
            });
        } finally {
            tables.flush(); // the throttle may have skipped the last rewrites
        }
        List<SummaryTable.Row> rows = tables.rows();
        int failed = (int) rows.stream().filter(r -> r.result() != null && !r.result().ok()).count();
        return new Outcome(rows, done.get(), plan.size() - toRun.size(), failed, stop.get());
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
    static void validate(List<PlannedCell> toRun) {
        try (PoolWorkers workers = new PoolWorkers(1)) {
            RunEngine engine = new RunEngine(workers, ProgressListener.NONE);
            for (PlannedCell p : toRun) {
                try {
                    engine.assemble(p.config()).prepare();
                } catch (ConfigException e) {
                    throw SweepPlan.inCell(p.cell(), e);
                }
            }
        }
    }

    /** Staging folders of cells abandoned past their time limit in an earlier process. */
    static void deleteStagingFolders(Path sweep) {
        Path cells = sweep.resolve(SweepDefinition.CELLS);
        if (!Files.isDirectory(cells)) {
            return;
        }
        try (Stream<Path> list = Files.list(cells)) {
            list.filter(p -> p.getFileName().toString().endsWith(TimedCellRun.STAGING_SUFFIX))
                    .forEach(SweepEngine::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cells + ": " + e.getMessage(), e);
        }
    }

    static void delete(Path folder) {
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
        private final List<PlannedCell> plan;
        private final Map<String, CellResult> results;
        private final WriteThrottle throttle = new WriteThrottle();
        private boolean unwritten;

        Tables(Path folder, List<String> axisKeys, List<PlannedCell> plan, Map<String, CellResult> results) {
            this.folder = folder;
            this.axisKeys = axisKeys;
            this.plan = plan;
            this.results = results;
        }

        synchronized List<SummaryTable.Row> rows() {
            return plan.stream().map(p -> new SummaryTable.Row(p.cell(), p.id(), results.get(p.id()))).toList();
        }

        synchronized void write() {
            long start = System.nanoTime();
            SummaryTable.write(folder, axisKeys, rows());
            throttle.wrote(start, System.nanoTime());
            unwritten = false;
        }

        /** A cell's result arrived: rewrite now, or at the latest in {@link #flush}. */
        synchronized void cellFinished() {
            if (throttle.due(System.nanoTime())) {
                write();
            } else {
                unwritten = true;
            }
        }

        synchronized void flush() {
            if (unwritten) {
                write();
            }
        }
    }
}
