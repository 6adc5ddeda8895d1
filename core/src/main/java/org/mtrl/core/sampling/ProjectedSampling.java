package org.mtrl.core.sampling;

import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.sampling.ModelSamples;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.core.data.ProjectingSampleSource;

/**
 * Projected sampling of a standard Gaussian problem (docs/math.md, "Projected sampling"): for a model
 * with first layer W, an orthonormal basis Q of span(M) + span(rows of W) ({@link SpanBasis}); the model
 * is then fed u = Q^T x ~ N(0, I_k) through a copy with first layer W Q, which gives the same
 * pre-activations (W x = W Q u, as W = W Q Q^T) and the same labels (M^T x = (Q^T M)^T u). Drawing a
 * sample costs k normals and m k multiply-adds instead of d and m d.
 */
public final class ProjectedSampling implements Sampling {
    private final Problem problem;
    private final Workers workers;
    private Projection last;

    public ProjectedSampling(Problem problem, Workers workers) {
        this.problem = problem;
        this.workers = workers;
    }

    /**
     * The basis and reduced first layer are kept for the last first layer seen, recognised by a 64-bit
     * hash of its bits (a copy would cost as much memory as W): the head step leaves W as it is, so the
     * representation step of the same round reuses them. The reduced model is built anew each time,
     * with the model's current heads.
     */
    @Override
    public synchronized ModelSamples forModel(Model model) {
        Matrix w = model.firstLayer();
        long hash = hash(w.data());
        if (last == null || last.firstLayerHash() != hash || last.basis().firstLayer().rows() != w.rows()) {
            last = null; // let go of the old basis before building the new one
            last = new Projection(hash, SpanBasis.of(problem.groundTruth(), w, workers));
        }
        SpanBasis.Basis basis = last.basis();
        Subspace reducedTruth = new Subspace(basis.groundTruth());
        Model reduced = model.withFirstLayer(basis.firstLayer().copy(), model.bias().clone());
        return new ModelSamples(reduced, new ProjectingSampleSource(new ReducedGaussian(reducedTruth),
                "projected standard Gaussian inputs"), reducedTruth, basis.rows());
    }

    /** The basis of a first layer, recognised by the hash of its bits. */
    private record Projection(long firstLayerHash, SpanBasis.Basis basis) {
    }

    /** FNV-1a over the bits of every entry. */
    private static long hash(double[] values) {
        long h = 0xCBF29CE484222325L;
        for (double v : values) {
            h = (h ^ Double.doubleToRawLongBits(v)) * 0x100000001B3L;
        }
        return h;
    }
}
