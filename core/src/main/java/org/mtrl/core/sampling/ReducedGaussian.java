package org.mtrl.core.sampling;

import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;

/**
 * The coordinates u = Q^T x ~ N(0, I_k) of a standard Gaussian x in an orthonormal basis Q, with the
 * ground truth in those coordinates, Q^T M (orthonormal columns, since span(M) lies in span(Q)).
 */
final class ReducedGaussian implements DataDistribution {
    private final Subspace groundTruth;

    ReducedGaussian(Subspace groundTruth) {
        this.groundTruth = groundTruth;
    }

    @Override
    public int dim() {
        return groundTruth.dim();
    }

    @Override
    public Subspace groundTruth() {
        return groundTruth;
    }

    @Override
    public void sample(RandomStream rng, double[] x, int n) {
        rng.nextGaussians(x, 0, Math.multiplyExact(n, dim()));
    }

    @Override
    public boolean standardGaussian() {
        return true;
    }
}
