package org.mtrl.api.model;

/** A margin loss l(y, f) of a label y in {-1, +1} and a model output f. */
public interface Loss {

    /** The loss's configuration name, e.g. {@code logistic}. */
    String name();

    double value(double y, double f);

    /** dl/df. */
    double derivative(double y, double f);
}
