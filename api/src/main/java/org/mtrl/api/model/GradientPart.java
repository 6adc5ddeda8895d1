package org.mtrl.api.model;

/** The parameter groups of a two-layer multi-task model, and what else a gradient pass can report. */
public enum GradientPart {
    /** The per-task head a_t. */
    HEAD,
    /** The shared first layer W. */
    FIRST_LAYER,
    /** The shared first-layer biases b. */
    BIAS,
    /**
     * Not a parameter: the Gram matrix sum_s c_s c_s^T (m x m, row-major) of the per-sample gradients
     * c_s of the added losses (times their scale) with respect to the pre-activations W x_s + b, so
     * that the first-layer gradient is sum_s c_s x_s^T. A model offers it (see
     * {@link Model#gradientParts()}) only if it sees an input x through W x alone; the framework then
     * may sample inputs in the span of W's rows and the ground truth only (projected sampling). The test
     * kit's architecture checks hold a model that offers it to both claims.
     */
    PRE_ACTIVATION_GRAM
}
