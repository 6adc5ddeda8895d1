package org.mtrl.core.data;

import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * Draws inputs from the distribution, projects them on the ground truth, and lets the task label them.
 * Inputs are checked to be finite (one pass, cheap next to the gradient work on them): a distribution
 * that returns NaN, or throws while sampling, fails the run naming the distribution, instead of passing
 * as diverged training or as a failure of the optimizer that asked for samples.
 */
public final class ProjectingSampleSource implements SampleSource {
    private final DataDistribution distribution;
    private final Subspace groundTruth;
    private final String description;

    /**
     * @param description the distribution as messages name it, e.g. {@code data/gaussian from plugin ...}
     */
    public ProjectingSampleSource(DataDistribution distribution, String description) {
        this.distribution = distribution;
        this.groundTruth = distribution.groundTruth();
        this.description = description;
    }

    @Override
    public void draw(Task task, RandomStream rng, Batch batch, int n) {
        if (batch.dim() != groundTruth.dim() || batch.rank() != groundTruth.rank()) {
            throw new IllegalArgumentException("batch is " + batch.dim() + " x " + batch.rank()
                    + " but the problem is d=" + groundTruth.dim() + ", r=" + groundTruth.rank());
        }
        batch.setSize(n);
        try {
            distribution.sample(rng, batch.x(), n);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw new SampleFailure(description + ": sample() failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        double[] x = batch.x();
        int values = n * groundTruth.dim();
        for (int i = 0; i < values; i++) {
            if (!Double.isFinite(x[i])) {
                throw new SampleFailure(description + " returned a non-finite input: x[" + i / groundTruth.dim()
                        + "][" + i % groundTruth.dim() + "] = " + x[i], null);
            }
        }
        groundTruth.project(batch.x(), n, batch.z());
        task.label(batch.z(), n, rng, batch.y());
    }

    /**
     * A distribution returned NaN or an infinity, or failed while sampling (whoever asked for the
     * samples); the message names it.
     */
    public static final class SampleFailure extends RuntimeException {
        SampleFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
