package org.mtrl.core.data;

import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/** Draws inputs from the distribution, projects them on the ground truth, and lets the task label them. */
public final class ProjectingSampleSource implements SampleSource {
    private final DataDistribution distribution;
    private final Subspace groundTruth;

    public ProjectingSampleSource(DataDistribution distribution) {
        this.distribution = distribution;
        this.groundTruth = distribution.groundTruth();
    }

    @Override
    public void draw(Task task, RandomStream rng, Batch batch, int n) {
        if (batch.dim() != groundTruth.dim() || batch.rank() != groundTruth.rank()) {
            throw new IllegalArgumentException("batch is " + batch.dim() + " x " + batch.rank()
                    + " but the problem is d=" + groundTruth.dim() + ", r=" + groundTruth.rank());
        }
        batch.setSize(n);
        distribution.sample(rng, batch.x(), n);
        groundTruth.project(batch.x(), n, batch.z());
        task.label(batch.z(), n, rng, batch.y());
    }
}
