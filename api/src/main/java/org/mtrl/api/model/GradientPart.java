package org.mtrl.api.model;

/** The parameter groups of a two-layer multi-task model. */
public enum GradientPart {
    /** The per-task head a_t. */
    HEAD,
    /** The shared first layer W. */
    FIRST_LAYER,
    /** The shared first-layer biases b. */
    BIAS
}
