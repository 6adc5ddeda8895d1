package org.mtrl.plugins.probes;

/** How a real-valued prediction f of a label y in {-1, +1} counts towards accuracy. */
final class Margins {
    private Margins() {
    }

    /**
     * 1 when sign(f) = y, 0 when it is the opposite, and 1/2 for a tie f = 0 (the prediction is a coin
     * flip): a model that outputs 0 everywhere, such as heads at zero, scores the chance level 1/2.
     */
    static double credit(double y, double f) {
        double margin = y * f;
        return margin > 0 ? 1 : margin < 0 ? 0 : 0.5;
    }
}
