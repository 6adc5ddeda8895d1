package org.mtrl.plugins.subspace;

import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/** y = sign(&lt;v, z&gt; - c): a halfspace in the subspace (through the origin when c = 0). */
final class ThresholdTask implements Task {
    private final double[] v;
    private final double offset;

    /**
     * @param v      normal vector, length r
     * @param offset the threshold c
     */
    ThresholdTask(double[] v, double offset) {
        this.v = v.clone();
        this.offset = offset;
    }

    @Override
    public void label(double[] z, int n, RandomStream rng, double[] y) {
        int r = v.length;
        for (int k = 0; k < n; k++) {
            int o = k * r;
            double dot = 0;
            for (int c = 0; c < r; c++) {
                dot += v[c] * z[o + c];
            }
            y[k] = Signs.sign(dot - offset);
        }
    }
}
