package org.mtrl.core.record;

import java.util.Map;
import java.util.stream.Collectors;
import org.mtrl.api.runtime.ProgressListener;

/**
 * The progress lines of one run, kept for its record's {@code run.log} and passed on to another
 * listener (the terminal), so a run folder says what happened in what order and when.
 */
public final class RunLog implements ProgressListener {
    private final ProgressListener next;
    private final long start = System.nanoTime();
    private final StringBuilder lines = new StringBuilder();

    public RunLog(ProgressListener next) {
        this.next = next;
    }

    @Override
    public void phaseStarted(String phase) {
        append(phase);
        next.phaseStarted(phase);
    }

    @Override
    public void roundFinished(int round, int rounds, Map<String, Double> stats) {
        append("  round " + round + "/" + rounds + " " + stats.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        next.roundFinished(round, rounds, stats);
    }

    /** Passed on only: per-chunk counts would swamp the log. */
    @Override
    public void workDone(long done, long total, String unit) {
        next.workDone(done, total, unit);
    }

    /** Adds a line of the run's own (its outcome). */
    public void note(String line) {
        append(line);
    }

    /** Every line so far, each ending in a newline. */
    public synchronized String text() {
        return lines.toString();
    }

    private synchronized void append(String line) {
        lines.append(String.format(java.util.Locale.ROOT, "[%8.2fs] %s%n", (System.nanoTime() - start) / 1e9, line));
    }
}
