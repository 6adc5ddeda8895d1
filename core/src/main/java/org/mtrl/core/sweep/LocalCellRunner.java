package org.mtrl.core.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mtrl.core.config.ConfigException;

/**
 * Runs cells on this machine: up to {@code threads} cells at once, each with an equal share of the
 * threads (a cell's numbers do not depend on its thread count). With a cell time limit, each cell runs
 * as a {@link TimedCellRun}.
 */
public final class LocalCellRunner implements CellRunner {
    public static final String NAME = "local";

    private final int threads;
    private final Duration cellTimeout;

    /**
     * @param cellTimeout the longest a cell may run, or null for no limit
     */
    public LocalCellRunner(int threads, Duration cellTimeout) {
        this.threads = threads;
        this.cellTimeout = cellTimeout;
    }

    @Override
    public void run(Path sweep, List<PlannedCell> cells, Sink sink) {
        int concurrent = Math.max(1, Math.min(threads, cells.size()));
        int perCell = Math.max(1, threads / concurrent);
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(r, "mtrl-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PlannedCell p : cells) {
                futures.add(pool.submit(() -> {
                    if (sink.stopping()) {
                        return;
                    }
                    sink.started(p);
                    sink.finished(p, cellTimeout == null
                            ? CellRuns.run(p.config(), SweepEngine.cellFolder(sweep, p.id()), perCell, sink.progress(p))
                            : TimedCellRun.run(p, sweep, perCell, sink.progress(p), cellTimeout));
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the sweep", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The local runner, by name. */
    public static final class Provider implements CellRunnerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "this machine's threads (--threads)";
        }

        @Override
        public CellRunner create(CellRunnerOptions options) {
            if (options.master() != null) {
                throw new ConfigException("--master", "the local runner runs on this machine; --master '"
                        + options.master() + "' needs another runner, e.g. --runner spark");
            }
            return new LocalCellRunner(options.threads(), options.cellTimeout());
        }
    }
}
