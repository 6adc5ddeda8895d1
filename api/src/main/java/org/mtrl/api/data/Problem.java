package org.mtrl.api.data;

import java.util.List;
import org.mtrl.api.tasks.Task;

/**
 * The pretraining problem of one run: the input distribution (with its ground truth), the T drawn
 * tasks and a source of labelled samples.
 */
public record Problem(DataDistribution distribution, List<Task> tasks, SampleSource samples) {

    public Problem {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one task");
        }
    }

    public Subspace groundTruth() {
        return distribution.groundTruth();
    }

    public int taskCount() {
        return tasks.size();
    }
}
