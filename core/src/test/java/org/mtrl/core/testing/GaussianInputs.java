package org.mtrl.core.testing;

import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;

/** Test inputs x ~ N(0, I_d) with a given ground truth. */
public final class GaussianInputs implements DataDistribution {
    private final Subspace truth;

    public GaussianInputs(Subspace truth) {
        this.truth = truth;
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
        rng.nextGaussians(x, 0, n * truth.dim());
    }

    /** True: every coordinate is an independent standard normal (projected sampling applies). */
    @Override
    public boolean standardGaussian() {
        return true;
    }
}
