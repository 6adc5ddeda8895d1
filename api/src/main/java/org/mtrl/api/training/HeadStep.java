package org.mtrl.api.training;

/**
 * The head step of a round of the {@link AlternatingMethod}: new heads a_t for the round's tasks.
 * The built-in one is {@link GradientHeadStep}; a plugin may fit the heads another way (e.g. in closed
 * form) and keep the rest of the method with {@link AlternatingMethod#withHeadStep}.
 */
@FunctionalInterface
public interface HeadStep {

    /**
     * Computes the round's new heads at the model's current parameters and adds the step's statistics
     * to {@link Round#stats()} (the built-in step adds {@code head-loss}); the model changes only when the
     * returned update is applied.
     */
    PendingUpdate prepare(Round round);
}
