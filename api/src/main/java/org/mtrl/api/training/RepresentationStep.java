package org.mtrl.api.training;

/**
 * The representation step of a round of the {@link AlternatingMethod}: a new shared layer (W, and b
 * when it trains) from the round's tasks. The built-in one is {@link GradientRepresentationStep}; a
 * plugin may replace it with {@link AlternatingMethod#withRepresentationStep}.
 */
@FunctionalInterface
public interface RepresentationStep {

    /**
     * Computes the round's new shared layer at the model's current parameters and adds the step's
     * statistics to {@link Round#stats()}; the model changes only when the returned update is applied.
     */
    PendingUpdate prepare(Round round);
}
