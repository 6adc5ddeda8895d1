package org.mtrl.plugins.probes;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;

/**
 * How many of the r ground-truth directions W picked up: the singular values s_1 &gt;= ... &gt;= s_r
 * of W M (m x r; when m &lt; r the missing ones are 0), divided by s_1.
 * Metrics {@code sv.1} ... {@code sv.r} (normalised), {@code rank} (how many normalised values are
 * positive and at least {@code threshold}), {@code effective-rank} (exp of the entropy of
 * p_i = s_i / sum s, Roy and Vetterli 2007, in [1, r]). A singular value at most
 * {@link #ROUNDING_TOLERANCE} ||W||_F is the rounding noise that W's part outside span(M) leaves in
 * W M and counts as exactly 0. When W M is 0 in that sense every value, the rank and the effective
 * rank are 0.
 *
 * <p>Those ratios are blind to how much of W lies in span(M) at all: a random W has r comparable
 * singular values too. The gains say how much more of W's energy each direction holds than a random W
 * of the same norm gives: {@code gain.i} = d s_i^2 / ||W||_F^2 and {@code gain} = their mean,
 * (d / r) ||W M||_F^2 / ||W||_F^2. For W with rotation-invariant rows (random features) E[gain] = 1
 * exactly; W = M^T gives d / r, the largest possible; W = 0 gives 0.
 */
public final class FeatureCoverageProbe implements Probe {
    /** Singular values of W M at or below this times ||W||_F are zero. */
    static final double ROUNDING_TOLERANCE = 1e-10;

    /** Parameters of {@code feature-coverage}. */
    public record Params(
            @Param(value = "normalised singular value from which a direction of M counts as learned",
                    defaultValue = "0.1", min = 0, max = 1) double threshold) {
    }

    public static final ComponentFactory<Params, Probe> FACTORY = ComponentFactory.of(ComponentKind.PROBE,
            "feature-coverage", "singular values of W M: how many of the r directions of M were learned, and how much more"
                    + " of W's energy they hold than in random features",
            Params.class, (p, ctx) -> new FeatureCoverageProbe(p.threshold()));

    private final double threshold;

    public FeatureCoverageProbe(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public List<Metric> measure(ProbeContext context) {
        Model model = context.model();
        Subspace truth = context.problem().groundTruth();
        Dense.requireSameDimension(model, truth);
        Matrix w = model.firstLayer();
        double[] s = singularValues(Dense.multiply(w, truth.basis()), truth.rank(),
                ROUNDING_TOLERANCE * w.frobeniusNorm());
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        List<Metric> metrics = new ArrayList<>(s.length + 2);
        int rank = 0;
        for (int i = 0; i < s.length; i++) {
            double normalised = s[0] > 0 ? s[i] / s[0] : 0;
            metrics.add(new Metric("sv." + (i + 1), normalised));
            if (normalised > 0 && normalised >= threshold) {
                rank++;
            }
        }
        metrics.add(new Metric("rank", rank));
        metrics.add(new Metric("effective-rank", effectiveRank(s, sum)));
        double energy = w.frobeniusNorm() * w.frobeniusNorm();
        double meanGain = 0;
        for (int i = 0; i < s.length; i++) {
            double gain = energy > 0 ? truth.dim() * s[i] * s[i] / energy : 0;
            metrics.add(new Metric("gain." + (i + 1), gain));
            meanGain += gain / s.length;
        }
        metrics.add(new Metric("gain", meanGain));
        return metrics;
    }

    /**
     * The r singular values of the m x r matrix {@code wm}, descending, zero-padded when m &lt; r, those
     * at or below {@code zero} set to 0.
     */
    static double[] singularValues(Matrix wm, int r, double zero) {
        double[] s = new double[r];
        if (wm.rows() == 0 || wm.frobeniusNorm() == 0) {
            return s;
        }
        double[][] rows = new double[wm.rows()][];
        for (int i = 0; i < wm.rows(); i++) {
            rows[i] = wm.row(i);
        }
        double[] computed = new SingularValueDecomposition(new Array2DRowRealMatrix(rows, false)).getSingularValues();
        for (int i = 0; i < Math.min(r, computed.length); i++) {
            s[i] = computed[i] > zero ? computed[i] : 0;
        }
        return s;
    }

    /** exp(-sum p_i log p_i) with p_i = s_i / sum, 0 log 0 = 0; 0 when every s_i is 0. */
    static double effectiveRank(double[] s, double sum) {
        if (!(sum > 0)) {
            return 0;
        }
        double entropy = 0;
        for (double v : s) {
            double p = v / sum;
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }
}
