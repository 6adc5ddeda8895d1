package org.mtrl.plugins.subspace;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;

/**
 * What every family of this plugin shares: the task count T and label noise. The family-specific
 * part is a {@link CleanTaskSampler} that draws a noiseless task on z in R^r.
 */
final class SubspaceTaskFamily implements TaskFamily {

    /** Draws one noiseless task on projections of rank r, using only {@code rng}. */
    @FunctionalInterface
    interface CleanTaskSampler {
        Task draw(int rank, RandomStream rng);
    }

    private final int count;
    private final double labelNoise;
    private final CleanTaskSampler sampler;

    SubspaceTaskFamily(int count, double labelNoise, CleanTaskSampler sampler) {
        this.count = count;
        this.labelNoise = labelNoise;
        this.sampler = sampler;
    }

    @Override
    public int count() {
        return count;
    }

    /** Noise never changes which task is drawn: the same rng gives the same clean task at any noise level. */
    @Override
    public Task draw(Subspace groundTruth, RandomStream rng) {
        Task clean = sampler.draw(groundTruth.rank(), rng);
        return labelNoise > 0 ? new NoisyTask(clean, labelNoise) : clean;
    }
}
