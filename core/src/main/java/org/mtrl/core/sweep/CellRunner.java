package org.mtrl.core.sweep;

import java.nio.file.Path;
import java.util.List;
import org.mtrl.api.runtime.ProgressListener;

/**
 * Executes a sweep's cells: on this machine's threads ({@link LocalCellRunner}) or elsewhere (a runner
 * module such as the Spark runner, found through {@link CellRunnerProvider}). {@link SweepEngine} plans,
 * resumes and writes the tables; a runner only runs cells and reports each one, as it finishes, through
 * the {@link Sink}, after the cell's record is complete in {@link SweepEngine#cellFolder}.
 */
public interface CellRunner {

    /** Runs {@code cells} (distinct, none finished) of the sweep in {@code sweep}; returns when all have been reported or the sink stops. */
    void run(Path sweep, List<PlannedCell> cells, Sink sink);

    /** Where a runner reports; thread-safe. */
    interface Sink {
        /** Whether no further cell should start (after a failure, when failing fast). */
        boolean stopping();

        /** A cell starts running. */
        void started(PlannedCell cell);

        /** The listener for the rounds of a cell run in this process. */
        ProgressListener progress(PlannedCell cell);

        /** A cell has finished, ok or failed; its record (if the run got far enough) is in its folder. */
        void finished(PlannedCell cell, CellResult result);
    }
}
