package org.mtrl.plugins.subspace;

import java.util.function.IntConsumer;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.runtime.Workers;
import org.mtrl.core.runtime.SeededRandomStreams;

/** Shared helpers of this module's tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** Runs units in index order on the calling thread: nothing here is parallel. */
    static final Workers SERIAL = new Workers() {
        @Override
        public int threads() {
            return 1;
        }

        @Override
        public void forEach(int count, IntConsumer body) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
        }
    };

    static ComponentContext context(long seed) {
        return new ComponentContext(new SeededRandomStreams(seed), SERIAL);
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
