package org.mtrl.testkit;

import java.util.List;
import org.mtrl.api.model.Loss;

/**
 * The margin losses the kit checks architectures with, written plainly: logistic log(1 + e^(-yf)),
 * hinge max(0, 1 - yf) and squared (y - f)^2 / 2.
 */
public final class KitLosses {
    private KitLosses() {
    }

    /** Every loss the kit offers, by name: an architecture contract is checked with each. */
    public static List<Loss> all() {
        return List.of(logistic(), hinge(), squared());
    }

    /** The loss of this name among {@link #all()}. */
    public static Loss named(String name) {
        return all().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the kit offers no loss '" + name + "'"));
    }

    /** log(1 + exp(-y f)). */
    public static Loss logistic() {
        return loss("logistic", (y, f) -> Math.log1p(Math.exp(-y * f)), (y, f) -> -y / (1 + Math.exp(y * f)));
    }

    /** max(0, 1 - y f). */
    public static Loss hinge() {
        return loss("hinge", (y, f) -> Math.max(0, 1 - y * f), (y, f) -> y * f < 1 ? -y : 0);
    }

    /** (y - f)^2 / 2. */
    public static Loss squared() {
        return loss("squared", (y, f) -> (y - f) * (y - f) / 2, (y, f) -> f - y);
    }

    private interface Formula {
        double at(double y, double f);
    }

    private static Loss loss(String name, Formula value, Formula derivative) {
        return new Loss() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(double y, double f) {
                return value.at(y, f);
            }

            @Override
            public double derivative(double y, double f) {
                return derivative.at(y, f);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
