package org.mtrl.api.model;

import org.mtrl.api.data.Batch;

/**
 * Sums loss gradients over batches. One accumulator belongs to one worker thread; it owns its
 * scratch space, so {@link #add} does not allocate. Only the requested {@link GradientPart}s are
 * computed: a head step never pays for the first-layer gradient. The accessors return the
 * accumulator's live buffers, valid until the next {@link #add} or {@link #reset}; asking for a part
 * that was not requested throws {@link IllegalStateException}.
 */
public interface GradientAccumulator {

    /** Zeroes the accumulated gradients. */
    void reset();

    /**
     * Adds {@code scale} times the gradient of the summed loss of task {@code task} over the batch.
     *
     * @return the summed loss over the batch (unscaled)
     */
    double add(int task, Batch batch, double scale);

    /** Accumulated gradient with respect to the head of the task(s) added, length m. */
    double[] head();

    /** Accumulated gradient with respect to W, row-major m x d. */
    double[] firstLayer();

    /** Accumulated gradient with respect to the biases, length m. */
    double[] bias();

    /**
     * Accumulated {@link GradientPart#PRE_ACTIVATION_GRAM}, m x m row-major. The default throws: only
     * a model that lists the part in {@link Model#gradientParts()} computes it.
     */
    default double[] preActivationGram() {
        throw new IllegalStateException("this accumulator does not compute " + GradientPart.PRE_ACTIVATION_GRAM);
    }
}
