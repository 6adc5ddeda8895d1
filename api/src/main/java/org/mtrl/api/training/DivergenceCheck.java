package org.mtrl.api.training;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mtrl.api.model.Model;

/**
 * Detects a diverged training run at the round where it happens, instead of letting NaN or numbers
 * grown by orders of magnitude reach the results. A round diverges when a statistic is not finite, the
 * weights exploded, or a statistic or a weight norm grew to more than {@code growth} times its start,
 * the start counting as at least 1 (a loss of 0.7 may reach 0.7e6 with the default, a norm starting at
 * 0 may reach 1e6). One check belongs to one run: the run creates it from the model before training
 * (its norms then are the norms' starts), and an optimizer calls {@link #check} after every round.
 */
public final class DivergenceCheck {
    /** The default of the {@code divergenceGrowth} setting. */
    public static final double DEFAULT_GROWTH = 1e6;
    /** Weights beyond this Frobenius norm count as exploded, whatever the growth limit. */
    static final double EXPLODED_NORM = 1e150;

    private static final String W_NORM = "|W|";
    private static final String HEAD_NORM = "|heads|";

    private final Model model;
    private final double growth;
    /** The start of each quantity: the norms' from the model at creation, the statistics' at their first check. */
    private final Map<String, Double> starts = new LinkedHashMap<>();

    /**
     * Watches {@code model} from now on: a statistic or weight norm growing past {@code growth} times its
     * start is divergence ({@link Double#POSITIVE_INFINITY} checks only for non-finite and exploded values).
     */
    public DivergenceCheck(Model model, double growth) {
        this.model = model;
        this.growth = growth;
        starts.put(W_NORM, model.firstLayer().frobeniusNorm());
        starts.put(HEAD_NORM, model.heads().frobeniusNorm());
    }

    /**
     * Throws {@link TrainingDivergedException} if a statistic of the round is not finite, the weights
     * exploded, or something grew past its limit, saying what, by how much, and what to change.
     */
    public synchronized void check(int round, Map<String, Double> stats) {
        double wNorm = model.firstLayer().frobeniusNorm();
        double headNorm = model.heads().frobeniusNorm();
        boolean finite = stats.values().stream().allMatch(Double::isFinite)
                && wNorm < EXPLODED_NORM && headNorm < EXPLODED_NORM;
        if (!finite) {
            throw new TrainingDivergedException(String.format(
                    "diverged at round %d (%s, |W|=%.4g, |heads|=%.4g): reduce repStep/headStep",
                    round, stats, wNorm, headNorm));
        }
        Map<String, Double> values = new LinkedHashMap<>(stats);
        values.put(W_NORM, wNorm);
        values.put(HEAD_NORM, headNorm);
        String grown = grownPastLimit(values);
        if (grown != null) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "diverged at round %d (%s; %s, |W|=%.4g, |heads|=%.4g): reduce repStep/headStep",
                    round, grown, stats, wNorm, headNorm));
        }
    }

    /** What grew past the limit, e.g. {@code head-loss=4.1e+56 is over divergenceGrowth=1e+06 times its start 0.6931}. */
    private String grownPastLimit(Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double start = starts.computeIfAbsent(e.getKey(), k -> e.getValue());
            if (Math.abs(e.getValue()) > growth * Math.max(1, Math.abs(start))) {
                return String.format(Locale.ROOT, "%s=%.4g is over divergenceGrowth=%.3g times its start %.4g",
                        e.getKey(), e.getValue(), growth, start);
            }
        }
        return null;
    }
}
