package org.mtrl.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.sweep.CellResult;
import org.mtrl.core.sweep.SweepCell;
import org.mtrl.core.sweep.SweepListener;

/**
 * A sweep's terminal output. A failed cell is always reported as it happens; progress (cells done of
 * total, the current cell, elapsed and estimated time left, rounds within a run) only when asked for,
 * i.e. on a terminal and without {@code --quiet}, so CI logs stay readable.
 */
final class SweepConsole implements SweepListener {
    private final PrintWriter err;
    private final boolean progress;
    private final long start = System.nanoTime();
    /** Where the cells' count and time left apply: the sweep, or a threshold search's current wave. */
    private String scope = "";
    private long scopeStart = start;

    SweepConsole(PrintWriter err, boolean progress) {
        this.err = err;
        this.progress = progress;
    }

    /** Progress on when not {@code quiet} and the process is attached to a terminal. */
    static SweepConsole create(PrintWriter err, boolean quiet) {
        return new SweepConsole(err, !quiet && ConsoleProgress.interactive());
    }

    @Override
    public synchronized void started(int total, int toRun) {
        if (progress) {
            err.printf("sweep: %d distinct cells, %d to run, %d already finished%n", total, toRun, total - toRun);
            err.flush();
        }
    }

    @Override
    public synchronized void searchWave(int wave, int cells, int searches) {
        scope = "wave " + wave + ": ";
        scopeStart = System.nanoTime();
        if (progress) {
            err.printf("[%s] search wave %d: %d of %d searches still open, one cell each; their results decide whether"
                    + " another wave follows%n", clock(elapsed()), wave, cells, searches);
            err.flush();
        }
    }

    @Override
    public synchronized void cellStarted(SweepCell cell) {
        if (progress) {
            err.printf("[%s] start %s%n", clock(elapsed()), cell.describe());
            err.flush();
        }
    }

    @Override
    public ProgressListener runProgress(SweepCell cell) {
        if (!progress) {
            return ProgressListener.NONE;
        }
        return new ProgressListener() {
            @Override
            public void roundFinished(int round, int rounds, Map<String, Double> stats) {
                String values = stats.entrySet().stream()
                        .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4g", e.getValue()))
                        .collect(Collectors.joining(" "));
                line(String.format("[%s]   %s: round %d/%d %s", clock(elapsed()), cell.describe(), round, rounds,
                        values));
            }
        };
    }

    @Override
    public synchronized void cellFinished(SweepCell cell, CellResult result, int done, int toRun) {
        if (!result.ok()) {
            err.printf("cell %s failed: %s%n", cell.describe(), result.error());
        }
        if (progress) {
            double inScope = (System.nanoTime() - scopeStart) / 1e9;
            double left = inScope / done * (toRun - done);
            err.printf("[%s] %s%d/%d cells done, ~%s left%s; %s %s in %.1fs%n", clock(elapsed()), scope, done, toRun,
                    clock(left), scope.isEmpty() ? "" : " in this wave", result.status(), cell.describe(),
                    result.wallSeconds());
        }
        err.flush();
    }

    private synchronized void line(String text) {
        err.println(text);
        err.flush();
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
