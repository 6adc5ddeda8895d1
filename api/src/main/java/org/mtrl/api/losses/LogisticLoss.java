package org.mtrl.api.losses;

import org.mtrl.api.model.Loss;

/**
 * The logistic loss l = log(1 + exp(-y f)), evaluated without overflow for any finite margin: with
 * u = y f, l = log1p(exp(-u)) for u &gt;= 0 and -u + log1p(exp(u)) for u &lt; 0, so exp never sees a
 * positive argument. Its derivative -y sigmoid(-u) is computed the same way.
 */
public final class LogisticLoss implements Loss {

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public double value(double y, double f) {
        double margin = y * f;
        return margin >= 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    }

    @Override
    public double derivative(double y, double f) {
        return -y * sigmoidOfMinus(y * f);
    }

    /** sigmoid(-u) = 1 / (1 + exp(u)), with exp of a non-positive argument only. */
    private static double sigmoidOfMinus(double u) {
        if (u >= 0) {
            double e = Math.exp(-u);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(u));
    }

    @Override
    public String toString() {
        return name();
    }
}
