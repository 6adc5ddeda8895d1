package org.mtrl.api.tasks;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;

/**
 * A distribution over tasks on a fixed ground truth (linear thresholds, parities, ...). The run draws
 * {@link #count()} pretraining tasks from it; probes draw fresh downstream tasks from it.
 */
public interface TaskFamily {

    /** T, the number of pretraining tasks a run draws. */
    int count();

    /** Draws one task on {@code groundTruth}, using only {@code rng}. */
    Task draw(Subspace groundTruth, RandomStream rng);
}
