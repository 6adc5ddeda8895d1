package org.mtrl.core.sweep;

import org.mtrl.api.runtime.ProgressListener;

/** Receives a sweep's progress, for display. Called from the cells' threads: must be thread-safe. */
public interface SweepListener {

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() { };

    /** The sweep starts: {@code toRun} of {@code total} distinct cells need running, the rest are done. */
    default void started(int total, int toRun) {
    }

    /**
     * A threshold search runs its next wave: {@code cells} cells, one for each search still open, of
     * {@code searches}. Its cells' progress ({@link #cellFinished}) counts within the wave; how many
     * waves follow depends on the cells' results.
     */
    default void searchWave(int wave, int cells, int searches) {
        started(cells, cells);
    }

    /** A cell starts running. */
    default void cellStarted(SweepCell cell) {
    }

    /** The listener of the runs of {@code cell}: rounds and phases within it. */
    default ProgressListener runProgress(SweepCell cell) {
        return ProgressListener.NONE;
    }

    /** A cell has finished (ok or failed); {@code done} of {@code toRun} have finished so far. */
    default void cellFinished(SweepCell cell, CellResult result, int done, int toRun) {
    }
}
