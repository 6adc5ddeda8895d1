package org.mtrl.core.training;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mtrl.api.model.Model;

/**
 * Detects a diverged training run at the round where it happens, instead of letting NaN or numbers
 * grown by orders of magnitude reach the results. A round diverges when a statistic is not finite,
 * the weights exploded, or (for a model being {@link #watch watched}) a statistic or a weight norm grew
 * to more than {@code growth} times its start, the start counting as at least 1 (a loss of 0.7 may
 * reach 0.7e6 with the default, a norm starting at 0 may reach 1e6).
 */
public final class TrainingDivergence {
    /** Weights beyond this Frobenius norm count as exploded. */
    static final double EXPLODED_NORM = 1e150;
    /** The default of the {@code divergenceGrowth} setting. */
    public static final double DEFAULT_GROWTH = 1e6;

    private static final String W_NORM = "|W|";
    private static final String HEAD_NORM = "|heads|";
    /** The models in training and their start values: the optimizers' calls stay {@code check(round, stats, model)}. */
    private static final Map<Model, Watch> WATCHED = new IdentityHashMap<>();

    private TrainingDivergence() {
    }

    /**
     * From now until {@link #release}, a statistic or weight norm of {@code model} that grows past
     * {@code growth} times its start is divergence; the norms' starts are the model's now, the
     * statistics' their values at the first check.
     */
    public static void watch(Model model, double growth) {
        Map<String, Double> starts = new LinkedHashMap<>();
        starts.put(W_NORM, model.firstLayer().frobeniusNorm());
        starts.put(HEAD_NORM, model.heads().frobeniusNorm());
        synchronized (WATCHED) {
            WATCHED.put(model, new Watch(growth, starts));
        }
    }

    public static void release(Model model) {
        synchronized (WATCHED) {
            WATCHED.remove(model);
        }
    }

    /**
     * Throws {@link TrainingDivergedException} if a statistic of the round is not finite, the weights
     * exploded or (when watched) something grew past its limit, saying what, by how much, and what to change.
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
        Watch watch;
        synchronized (WATCHED) {
            watch = WATCHED.get(model);
        }
        if (watch != null) {
            Map<String, Double> values = new LinkedHashMap<>(stats);
            values.put(W_NORM, wNorm);
            values.put(HEAD_NORM, headNorm);
            String grown = watch.grownPastLimit(values);
            if (grown != null) {
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "diverged at round %d (%s; %s, |W|=%.4g, |heads|=%.4g): reduce repStep/headStep",
                        round, grown, stats, wNorm, headNorm));
            }
        }
    }

    /** One model's limit and start values. */
    private static final class Watch {
        private final double growth;
        private final Map<String, Double> starts;

        Watch(double growth, Map<String, Double> starts) {
            this.growth = growth;
            this.starts = starts;
        }

        /** What grew past the limit, e.g. {@code head-loss=4.1e+56 is over divergenceGrowth=1e+06 times its start 0.6931}. */
        synchronized String grownPastLimit(Map<String, Double> values) {
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
}
