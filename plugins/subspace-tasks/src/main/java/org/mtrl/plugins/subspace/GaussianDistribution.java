package org.mtrl.plugins.subspace;

import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;

/**
 * Standard Gaussian inputs x ~ N(0, I_d) with a Haar-uniform ground truth M (d x r, orthonormal
 * columns) drawn once, at creation, from the component's {@code ground-truth} stream.
 */
public final class GaussianDistribution implements DataDistribution {

    /** Parameters of the {@code gaussian} distribution. */
    public record Params(
            @Param(value = "input dimension d", defaultValue = "100", min = 1) int dim,
            @Param(value = "rank r of the ground truth M (d x r)", defaultValue = "5", min = 1) int rank) {

        public Params {
            if (rank > dim) {
                throw new IllegalArgumentException("rank=" + rank + " exceeds dim=" + dim
                        + ": the ground truth M is dim x rank with orthonormal columns");
            }
        }
    }

    static final ComponentFactory<Params, DataDistribution> FACTORY = ComponentFactory.of(
            ComponentKind.DATA, "gaussian", "x ~ N(0, I_d) with a Haar-uniform ground truth M of rank r",
            Params.class, (p, context) -> new GaussianDistribution(p, context.streams()));

    private final int dim;
    private final Subspace groundTruth;

    /** Draws the ground truth from {@code streams.stream("ground-truth")}. */
    public GaussianDistribution(Params params, RandomStreams streams) {
        this.dim = params.dim();
        this.groundTruth = new Subspace(
                RandomMatrices.haarOrthonormal(params.dim(), params.rank(), streams.stream("ground-truth")));
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public Subspace groundTruth() {
        return groundTruth;
    }

    @Override
    public void sample(RandomStream rng, double[] x, int n) {
        rng.nextGaussians(x, 0, Math.multiplyExact(n, dim));
    }

    /** True: {@link #sample} draws every coordinate as an independent standard normal. */
    @Override
    public boolean standardGaussian() {
        return true;
    }
}
