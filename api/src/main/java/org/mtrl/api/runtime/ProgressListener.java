package org.mtrl.api.runtime;

import java.util.Map;

/** Receives progress from long work, for display. Must be cheap and thread-safe. */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() { };

    /** A training round has finished, with its statistics (for example the mean head-step loss). */
    default void roundFinished(int round, int rounds, Map<String, Double> stats) {
    }

    /** A named phase (pretraining, a probe) has started. */
    default void phaseStarted(String phase) {
    }

    /**
     * Within the current phase, {@code done} of {@code total} units of work (for example samples) are
     * finished. Called from worker threads, often (once per chunk of samples), possibly out of order:
     * a listener keeps the largest {@code done} it has seen for a {@code total}.
     */
    default void workDone(long done, long total, String unit) {
    }
}
