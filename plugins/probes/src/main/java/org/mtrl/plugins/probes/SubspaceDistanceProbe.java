package org.mtrl.plugins.probes;

import java.util.ArrayList;
import java.util.List;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;

/**
 * How far the top-r right singular subspace of W is from span(M): the sines of all r principal
 * angles, sorted descending. Metrics {@code max} (sine of the largest angle, the usual subspace
 * distance), {@code mean}, and {@code sine.1} ... {@code sine.r}.
 *
 * <p>When W has fewer than r nonzero singular values (width m &lt; r, dead or duplicate rows, W = 0),
 * only its k nonzero directions are compared and the r - k missing ones count as unlearned (sine 1);
 * "nonzero" means above {@link TopRightSingularSubspace#RELATIVE_SINGULAR_TOLERANCE} times the
 * largest singular value. So every value is defined and W = 0 gives all sines 1.
 */
public final class SubspaceDistanceProbe implements Probe {

    /** No parameters. */
    public record Params() {
    }

    public static final ComponentFactory<Params, Probe> FACTORY = ComponentFactory.of(ComponentKind.PROBE,
            "subspace-distance",
            "sines of the principal angles between span(M) and the top-r right singular subspace of W", Params.class, (p, ctx) -> new SubspaceDistanceProbe());

    @Override
    public List<Metric> measure(ProbeContext context) {
        Model model = context.model();
        Subspace truth = context.problem().groundTruth();
        Dense.requireSameDimension(model, truth);
        double[] sines = sines(model, truth);
        double sum = 0;
        for (double s : sines) {
            sum += s;
        }
        List<Metric> metrics = new ArrayList<>(sines.length + 2);
        metrics.add(new Metric("max", sines[0]));
        metrics.add(new Metric("mean", sum / sines.length));
        for (int i = 0; i < sines.length; i++) {
            metrics.add(new Metric("sine." + (i + 1), sines[i]));
        }
        return metrics;
    }

    /** The r sines, descending. */
    static double[] sines(Model model, Subspace truth) {
        return PrincipalAngles.sines(truth, TopRightSingularSubspace.basis(model.firstLayer(), truth.rank()));
    }
}
