package org.mtrl.api.losses;

import org.mtrl.api.model.Loss;

/** The built-in losses by their configuration names, for any architecture to offer. */
public final class Losses {
    private Losses() {
    }

    /** The loss called {@code name}: {@code logistic}, {@code hinge} or {@code squared}. */
    public static Loss byName(String name) {
        return switch (name) {
            case "logistic" -> new LogisticLoss();
            case "hinge" -> new HingeLoss();
            case "squared" -> new SquaredLoss();
            default -> throw new IllegalArgumentException("loss=" + name + " is not one of logistic, hinge, squared");
        };
    }
}
