package org.mtrl.api.model;

import org.mtrl.api.runtime.RandomStream;

/** Builds initialised models; the configured architecture of a run. */
public interface Architecture {

    /**
     * A freshly initialised model with {@code taskCount} heads on inputs of dimension
     * {@code inputDim}, using only {@code init} for randomness.
     */
    Model build(int inputDim, int taskCount, RandomStream init);
}
