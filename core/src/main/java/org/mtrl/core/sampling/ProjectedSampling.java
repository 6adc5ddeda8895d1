package org.mtrl.core.sampling;

import java.util.Arrays;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.sampling.ModelSamples;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.core.data.ProjectingSampleSource;
import org.mtrl.core.linalg.Vectors;

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
     * The basis and reduced first layer are kept for the last first layer seen: the head step leaves W
     * as it is, so the representation step of the same round reuses them. The reduced model is built
     * anew each time, with the model's current heads.
     */
    @Override
    public synchronized ModelSamples forModel(Model model) {
        Matrix w = model.firstLayer();
        if (last == null || !Arrays.equals(last.firstLayer(), w.data())) {
            last = null; // let go of the old basis before building the new one
            Matrix basis = SpanBasis.of(problem.groundTruth(), w, workers);
            last = new Projection(w.data().clone(), basis, inBasis(w, basis), inBasis(problem.groundTruth(), basis));
        }
        Model reduced = model.withFirstLayer(last.reducedLayer().copy(), model.bias().clone());
        return new ModelSamples(reduced, new ProjectingSampleSource(new ReducedGaussian(last.reducedTruth()),
                "projected standard Gaussian inputs"), last.reducedTruth(), last.basis());
    }

    /** A first layer, its span's basis Q^T, W Q and Q^T M. */
    private record Projection(double[] firstLayer, Matrix basis, Matrix reducedLayer, Subspace reducedTruth) {
    }

    /** W Q (m x k) for Q^T = {@code basis}: parallel over rows, each entry one fixed-order dot product. */
    private Matrix inBasis(Matrix w, Matrix basis) {
        int d = basis.cols();
        int k = basis.rows();
        int m = w.rows();
        double[] q = basis.data();
        double[] out = new double[Math.multiplyExact(m, k)];
        workers.forEach(m, i -> {
            for (int c = 0; c < k; c++) {
                out[i * k + c] = Vectors.dot(w.data(), i * d, q, c * d, d);
            }
        });
        return new Matrix(m, k, out);
    }

    /** Q^T M (k x r): the ground truth in the basis' coordinates. */
    private static Subspace inBasis(Subspace truth, Matrix basis) {
        int d = basis.cols();
        int k = basis.rows();
        int r = truth.rank();
        double[] column = new double[d];
        double[] out = new double[k * r];
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < d; i++) {
                column[i] = truth.basis().get(i, j);
            }
            for (int c = 0; c < k; c++) {
                out[c * r + j] = Vectors.dot(basis.data(), c * d, column, 0, d);
            }
        }
        return new Subspace(new Matrix(k, r, out));
    }
}
