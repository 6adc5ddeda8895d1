package org.mtrl.api.runtime;

/**
 * The run's random streams, all derived from its seed. A stream is named by a purpose and a key
 * (for example {@code stream("head", round, task, chunk)}): the same name always yields the same
 * numbers, whatever the thread count or the order in which work runs.
 */
public interface RandomStreams {

    /** The run seed. */
    long seed();

    /** The stream for {@code purpose} and {@code key}; each call returns a fresh stream at its start. */
    RandomStream stream(String purpose, long... key);

    /** A family of streams whose purposes are prefixed with {@code scope + "/"}, for a component's private use. */
    RandomStreams scoped(String scope);
}
