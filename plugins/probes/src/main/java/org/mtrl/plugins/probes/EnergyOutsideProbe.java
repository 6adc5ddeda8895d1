package org.mtrl.plugins.probes;

import java.util.List;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;

/**
 * The part of W outside span(M) as a norm ratio: {@code value} = ||W - W M M^T||_F / ||W||_F, in
 * [0, 1] (the NumPy peer's {@code energy_outside}). W = 0 has no energy anywhere and gives 0.
 */
public final class EnergyOutsideProbe implements Probe {

    /** No parameters. */
    public record Params() {
    }

    public static final ComponentFactory<Params, Probe> FACTORY = ComponentFactory.of(ComponentKind.PROBE,
            "energy-outside", "Frobenius norm of W outside span(M) relative to the norm of W",
            Params.class, (p, ctx) -> new EnergyOutsideProbe());

    @Override
    public List<Metric> measure(ProbeContext context) {
        Model model = context.model();
        Subspace truth = context.problem().groundTruth();
        Dense.requireSameDimension(model, truth);
        return List.of(new Metric("value", outsideRatio(model.firstLayer(), truth)));
    }

    static double outsideRatio(Matrix w, Subspace truth) {
        double total = w.frobeniusNorm();
        if (total == 0) {
            return 0;
        }
        Matrix m = truth.basis();
        Matrix wm = Dense.multiply(w, m);
        int d = w.cols();
        int r = m.cols();
        double[] x = w.data();
        double[] basis = m.data();
        double[] coefficients = wm.data();
        double outside = 0;
        for (int i = 0; i < w.rows(); i++) {
            for (int a = 0; a < d; a++) {
                double residual = x[i * d + a] - Vectors.dot(basis, a * r, coefficients, i * r, r);
                outside += residual * residual;
            }
        }
        return Math.min(1.0, Math.sqrt(outside) / total);
    }
}
