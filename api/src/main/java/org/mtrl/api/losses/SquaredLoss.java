package org.mtrl.api.losses;

import org.mtrl.api.model.Loss;

/** The squared loss l = (f - y)^2 / 2, regressing the output on the label. */
public final class SquaredLoss implements Loss {

    @Override
    public String name() {
        return "squared";
    }

    @Override
    public double value(double y, double f) {
        double residual = f - y;
        return residual * residual / 2;
    }

    @Override
    public double derivative(double y, double f) {
        return f - y;
    }

    @Override
    public String toString() {
        return name();
    }
}
