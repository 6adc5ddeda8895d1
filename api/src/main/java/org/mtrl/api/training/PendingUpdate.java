package org.mtrl.api.training;

/**
 * An update a step has computed and not yet written into the model. The {@link AlternatingMethod}
 * applies it when its order says: so both gradients of a round can be taken at the round's starting
 * parameters (the joint-gradient ablation) without a step knowing about orders.
 */
@FunctionalInterface
public interface PendingUpdate {

    /** Does nothing: the update of a step that is skipped. */
    PendingUpdate NONE = () -> { };

    /** Writes the update into the model. */
    void apply();
}
