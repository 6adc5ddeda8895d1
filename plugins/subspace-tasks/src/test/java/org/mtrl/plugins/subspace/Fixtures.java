package org.mtrl.plugins.subspace;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.testkit.KitWorkers;

/** Shared helpers of this module's tests. */
final class Fixtures {
    private Fixtures() {
    }

    static ComponentContext context(long seed) {
        return new ComponentContext(new SeededRandomStreams(seed), KitWorkers.sameThread());
    }

    static Subspace groundTruth(int d, int r, long seed) {
        return new Subspace(RandomMatrices.haarOrthonormal(d, r, new SeededRandomStreams(seed).stream("m")));
    }

    /** n x dim standard normals from stream {@code purpose} of {@code seed}. */
    static double[] gaussians(int n, int dim, long seed, String purpose) {
        double[] x = new double[n * dim];
        new SeededRandomStreams(seed).stream(purpose).nextGaussians(x, 0, x.length);
        return x;
    }
}
