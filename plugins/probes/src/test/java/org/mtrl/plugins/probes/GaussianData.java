package org.mtrl.plugins.probes;

import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.testkit.KitProblem;

/** Test distribution: x ~ N(0, I_d) with a ground truth M. */
final class GaussianData implements DataDistribution {
    private final Subspace truth;

    GaussianData(Subspace truth) {
        this.truth = truth;
    }

    /** A random M (d x r): the kit's Gram-Schmidt of a Gaussian matrix. */
    static GaussianData random(int d, int r, RandomStream rng) {
        return new GaussianData(KitProblem.randomSubspace(d, r, rng));
    }

    @Override
    public int dim() {
        return truth.dim();
    }

    @Override
    public Subspace groundTruth() {
        return truth;
    }

    @Override
    public void sample(RandomStream rng, double[] x, int n) {
        rng.nextGaussians(x, 0, n * dim());
    }
}
