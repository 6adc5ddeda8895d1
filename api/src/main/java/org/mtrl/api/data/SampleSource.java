package org.mtrl.api.data;

import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * Draws labelled samples of one task: inputs from the run's {@link DataDistribution}, projected on
 * the ground truth, labelled by the task. Provided by the framework to optimizers and probes.
 */
public interface SampleSource {

    /**
     * Fills {@code batch} with {@code n <= batch.capacity()} fresh samples of {@code task}, drawn
     * from {@code rng} alone (so a stream keyed by round, task and chunk reproduces them exactly).
     */
    void draw(Task task, RandomStream rng, Batch batch, int n);
}
