package org.mtrl.core.assembly;

/** A run that started but could not finish: a component failed, diverged, or returned a non-finite number. */
public final class RunFailedException extends RuntimeException {

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
