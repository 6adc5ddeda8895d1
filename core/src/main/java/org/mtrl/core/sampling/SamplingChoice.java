package org.mtrl.core.sampling;

import java.util.List;
import java.util.Locale;
import org.mtrl.api.data.Problem;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.sampling.Sampling;

/**
 * The run's {@code sampling} setting applied to its components: {@code direct} draws every x in R^d;
 * {@code projected} samples in the span of the first layer's rows and the ground truth (exact in
 * distribution, see {@link ProjectedSampling}), which needs a standard Gaussian distribution and a
 * model that sees x only through W x; {@code auto} takes projected when both allow it and
 * m + r is at most {@link #AUTO_FRACTION} of d, where it was measured to be faster (docs/performance.md).
 *
 * @param sampling    the sampling the run uses
 * @param description what was chosen and why, for the run record
 */
public record SamplingChoice(Sampling sampling, String description) {
    /** The values the setting allows. */
    public static final List<String> MODES = List.of("auto", "direct", "projected");
    /** auto projects when m + r &lt;= this times d (the measured crossover, docs/performance.md). */
    static final double AUTO_FRACTION = 0.6;

    /**
     * Applies {@code mode} to the problem and model of a run.
     *
     * @param dataName  the data slot's component as messages name it
     * @param modelName the model slot's component as messages name it
     * @throws IllegalArgumentException when projected sampling is asked for and a component does not
     *                                  allow it (the run reports a configuration error of {@code sampling})
     */
    public static SamplingChoice of(String mode, Problem problem, Model model, Workers workers, String dataName,
                                    String modelName) {
        int d = problem.groundTruth().dim();
        int span = model.width() + problem.groundTruth().rank();
        String obstacle = !problem.distribution().standardGaussian()
                ? dataName + " does not declare its inputs standard Gaussian (N(0, I_d))"
                : !model.gradientParts().contains(GradientPart.PRE_ACTIVATION_GRAM)
                ? modelName + " does not offer the pre-activation Gram (it may see x other than through W x)"
                : null;
        Sampling direct = Sampling.direct(problem);
        switch (mode) {
            case "direct":
                return new SamplingChoice(direct, "direct (as configured)");
            case "projected":
                if (obstacle != null) {
                    throw new IllegalArgumentException("value 'projected' needs standard Gaussian inputs and a "
                            + "model that sees x only through W x, but " + obstacle + "; use direct or auto");
                }
                return new SamplingChoice(new ProjectedSampling(problem, workers), String.format(Locale.ROOT,
                        "projected (as configured): samples in at most m + r = %d of d = %d dimensions", span, d));
            case "auto":
                if (obstacle != null) {
                    return new SamplingChoice(direct, "direct (auto: " + obstacle + ")");
                }
                if (!autoProjects(d, span)) {
                    return new SamplingChoice(direct, String.format(Locale.ROOT,
                            "direct (auto: m + r = %d is over %s of d = %d)", span, AUTO_FRACTION, d));
                }
                return new SamplingChoice(new ProjectedSampling(problem, workers), String.format(Locale.ROOT,
                        "projected (auto: m + r = %d is at most %s of d = %d)", span, AUTO_FRACTION, d));
            default:
                throw new IllegalArgumentException("value '" + mode + "' is not allowed; allowed: " + MODES);
        }
    }

    /** Whether auto projects at input dimension d and m + r = {@code span}, components allowing. */
    public static boolean autoProjects(long d, long span) {
        return span <= AUTO_FRACTION * d;
    }

    /** Whether the run samples in the projected span. */
    public boolean projected() {
        return sampling instanceof ProjectedSampling;
    }
}
