package org.mtrl.api.training;

/** The update every method uses: p &lt;- (1 - step * decay) p - step * g. */
public final class ParameterUpdate {
    private ParameterUpdate() {
    }

    /**
     * Updates {@code params[offset, offset + g.length)} in place. With {@code step * decay == 1} (the
     * paper's default for the representation) the old values are forgotten exactly: p = -step * g.
     */
    public static void apply(double[] params, int offset, double[] g, double step, double decay) {
        double keep = 1 - step * decay;
        if (keep == 0) {
            for (int i = 0; i < g.length; i++) {
                params[offset + i] = -step * g[i];
            }
        } else {
            for (int i = 0; i < g.length; i++) {
                params[offset + i] = keep * params[offset + i] - step * g[i];
            }
        }
    }
}
