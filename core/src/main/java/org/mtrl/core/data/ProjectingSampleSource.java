package org.mtrl.core.data;

import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * Draws inputs from the distribution, projects them on the ground truth, and lets the task label them.
 * Inputs are checked to be finite (through their projections, see {@link #checkFinite}): a distribution
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
        groundTruth.project(batch.x(), n, batch.z());
        checkFinite(batch.x(), batch.z(), n);
        task.label(batch.z(), n, rng, batch.y());
    }

    /**
     * Fails naming the first non-finite input. Only the projections are scanned first: a NaN or an
     * infinity anywhere in x[k] makes every entry of z[k] = M^T x[k] NaN or infinite (0 times an
     * infinity is NaN too), so r numbers per point stand for d, and the inputs are searched only when
     * a projection is not finite (an overflow of finite inputs passes, as it always did).
     */
    private void checkFinite(double[] x, double[] z, int n) {
        int projections = n * groundTruth.rank();
        for (int j = 0; j < projections; j++) {
            if (!Double.isFinite(z[j])) {
                int d = groundTruth.dim();
                int values = n * d;
                for (int i = 0; i < values; i++) {
                    if (!Double.isFinite(x[i])) {
                        throw new SampleFailure(description + " returned a non-finite input: x[" + i / d + "]["
                                + i % d + "] = " + x[i], null);
                    }
                }
                return;
            }
        }
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
