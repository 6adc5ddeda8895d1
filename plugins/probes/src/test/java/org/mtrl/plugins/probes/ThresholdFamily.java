package org.mtrl.plugins.probes;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;

/** Test task family: y = sign(&lt;v, z&gt;) with v uniform on the unit sphere, sign(0) = +1. */
final class ThresholdFamily implements TaskFamily {
    private final int count;

    ThresholdFamily(int count) {
        this.count = count;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public Task draw(Subspace groundTruth, RandomStream rng) {
        return threshold(RandomVectors.unitVector(groundTruth.rank(), rng));
    }

    /** The task sign(&lt;v, z&gt;). */
    static Task threshold(double[] v) {
        return (z, n, rng, y) -> {
            int r = v.length;
            for (int s = 0; s < n; s++) {
                double dot = 0;
                for (int c = 0; c < r; c++) {
                    dot += v[c] * z[s * r + c];
                }
                y[s] = dot >= 0 ? 1 : -1;
            }
        };
    }
}
