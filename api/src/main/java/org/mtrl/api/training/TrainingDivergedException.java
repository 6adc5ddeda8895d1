package org.mtrl.api.training;

/** Training produced a non-finite or exploding loss or weights; the run fails at that round. */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
