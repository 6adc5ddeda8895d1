package org.mtrl.api.runtime;

import java.util.function.IntConsumer;

/**
 * The run's worker threads. Work is split into indexed units; a unit's result must depend only on
 * its index (and streams keyed by it), never on the thread that ran it.
 */
public interface Workers {

    /** The number of threads. */
    int threads();

    /**
     * Runs {@code body} for every index in [0, count) on the workers and returns when all are done.
     * If a unit throws, units not yet started are skipped and the failure of the lowest index is
     * rethrown once the running ones finish. Calls may nest: the calling thread takes part in the work.
     */
    void forEach(int count, IntConsumer body);
}
