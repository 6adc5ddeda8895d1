package org.mtrl.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.Comparator;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.CheckedTask;
import org.mtrl.core.config.ComponentConfig;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.record.ActiveRuns;
import org.mtrl.core.record.Provenance;
import org.mtrl.core.record.RunRecord;

/**
 * Runs one cell with a time limit. The cell runs in a thread of its own, recorded in a staging folder
 * that is renamed into the cell's folder only if it finishes in time. Past the limit the cell is
 * recorded as failed, naming the phase and the component (its plugin and jar) it was in; its thread
 * is interrupted and abandoned (Java cannot stop a component that ignores interrupts), its staging
 * folder is deleted then and again whenever the abandoned thread ends, and any the process leaves
 * (killed meanwhile) is cleared when the sweep next starts.
 */
final class TimedCellRun {
    /** Suffix of staging folders inside {@code cells/}. */
    static final String STAGING_SUFFIX = ".staging";

    private TimedCellRun() {
    }

    static CellResult run(PlannedCell cell, Path sweep, int threads, ProgressListener progress, Duration limit) {
        Path folder = SweepEngine.cellFolder(sweep, cell.id());
        Path staging = folder.resolveSibling("." + cell.id() + "-" + UUID.randomUUID() + STAGING_SUFFIX);
        PhaseTracker phases = new PhaseTracker(progress);
        CompletableFuture<CellResult> result = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                result.complete(CellRuns.run(cell.config(), staging, threads, phases));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                if (abandoned.get()) {
                    deleteQuietly(staging); // whatever the abandoned cell wrote after its time ran out
                }
            }
        }, "mtrl-cell-" + cell.id());
        worker.setDaemon(true);
        // a signal ending the sweep marks the staging record interrupted; this puts it where resume looks
        Runnable publishOnInterrupt = () -> moveIfAbsent(staging, folder);
        ActiveRuns.afterEnding(publishOnInterrupt);
        long start = System.nanoTime();
        worker.start();
        try {
            CellResult finished = result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            move(staging, folder);
            return CellResult.read(folder).orElse(finished);
        } catch (TimeoutException e) {
            String message = "exceeded --cell-timeout of " + seconds(limit) + " during "
                    + phases.describe(cell.config(), worker);
            abandoned.set(true);
            worker.interrupt();
            deleteQuietly(staging);
            RunRecord.startIn(folder, cell.config(), Provenance.now(threads, cell.config().seed()))
                    .fail(message, phases.lastPhase() == null ? "" : "last phase: " + phases.lastPhase() + "\n");
            return CellResult.read(folder).orElse(CellResult.failed(message, (System.nanoTime() - start) / 1e9));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            abandoned.set(true);
            worker.interrupt();
            deleteQuietly(staging);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cell " + cell.id(), e);
        } finally {
            ActiveRuns.forget(publishOnInterrupt);
        }
    }

    /** Deletes a folder and what is in it; the cell is failed or ending anyway, so problems are ignored. */
    private static void deleteQuietly(Path folder) {
        // several passes: the abandoned cell may be writing a file while the folder is deleted
        for (int attempt = 0; attempt < 3 && Files.exists(folder); attempt++) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // try again: a file appeared or vanished meanwhile
            }
        }
    }

    private static void moveIfAbsent(Path staging, Path folder) {
        if (Files.isDirectory(staging) && !Files.exists(folder)) {
            move(staging, folder);
        }
    }

    private static void move(Path staging, Path folder) {
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished cell into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(Duration limit) {
        return String.format(java.util.Locale.ROOT, "%.3g s", limit.toNanos() / 1e9);
    }

    /** Passes progress on and remembers the last phase a cell started, to say where it was stuck. */
    private static final class PhaseTracker implements ProgressListener {
        private final ProgressListener delegate;
        private volatile String lastPhase;

        PhaseTracker(ProgressListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void phaseStarted(String phase) {
            lastPhase = phase;
            delegate.phaseStarted(phase);
        }

        @Override
        public void roundFinished(int round, int rounds, Map<String, Double> stats) {
            delegate.roundFinished(round, rounds, stats);
        }

        @Override
        public void workDone(long done, long total, String unit) {
            delegate.workDone(done, total, unit);
        }

        String lastPhase() {
            return lastPhase;
        }

        /**
         * The phase and the component responsible for it, e.g. {@code probe 'slow' (probe/slow from ...)}:
         * a task family whose {@code label} the worker is stuck in is named, not the optimizer calling it.
         */
        String describe(RunConfig config, Thread worker) {
            String phase = lastPhase;
            if (phase == null) {
                return "setup (drawing the tasks and building the model: " + config.tasks().factory().describe()
                        + ", " + config.model().factory().describe() + ")";
            }
            if (CheckedTask.isLabelling(worker)) {
                return phase + ", labelling samples (" + config.tasks().factory().describe() + ")";
            }
            if (phase.startsWith("probe ")) {
                String name = phase.substring("probe ".length());
                ComponentConfig<?> probe = config.probes().get(name);
                return "probe '" + name + "' (" + (probe == null ? "unknown" : probe.factory().describe()) + ")";
            }
            return phase + " (" + config.optimizer().factory().describe() + ")";
        }
    }
}
