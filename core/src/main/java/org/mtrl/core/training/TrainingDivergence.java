package org.mtrl.core.training;

import java.util.Map;
import org.mtrl.api.model.Model;

/** Detects a diverged training run at the round where it happens, instead of letting NaN reach the results. */
public final class TrainingDivergence {
    /** Weights beyond this Frobenius norm count as exploded. */
    static final double EXPLODED_NORM = 1e150;

    private TrainingDivergence() {
    }

    /**
     * Throws {@link TrainingDivergedException} if a statistic of the round is not finite or the
     * weights exploded, saying what to change.
     */
    public static void check(int round, Map<String, Double> stats, Model model) {
        double wNorm = model.firstLayer().frobeniusNorm();
        double headNorm = model.heads().frobeniusNorm();
        boolean finite = stats.values().stream().allMatch(Double::isFinite)
                && wNorm < EXPLODED_NORM && headNorm < EXPLODED_NORM;
        if (!finite) {
            throw new TrainingDivergedException(String.format(
                    "diverged at round %d (%s, |W|=%.4g, |heads|=%.4g): reduce repStep/headStep",
                    round, stats, wNorm, headNorm));
        }
    }
}
