package org.mtrl.api.losses;

import org.mtrl.api.model.Loss;

/** The hinge loss l = max(0, 1 - y f); at the kink y f = 1 the derivative is taken as 0. */
public final class HingeLoss implements Loss {

    @Override
    public String name() {
        return "hinge";
    }

    @Override
    public double value(double y, double f) {
        return Math.max(0, 1 - y * f);
    }

    @Override
    public double derivative(double y, double f) {
        return y * f < 1 ? -y : 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
