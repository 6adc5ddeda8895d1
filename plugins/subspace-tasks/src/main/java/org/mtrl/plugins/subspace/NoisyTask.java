package org.mtrl.plugins.subspace;

import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * Label noise, the one place every family gets it from: labels of a clean task, each flipped
 * independently with probability {@code flipProbability} (one {@code rng.nextDouble()} per label).
 */
final class NoisyTask implements Task {
    private final Task clean;
    private final double flipProbability;

    NoisyTask(Task clean, double flipProbability) {
        this.clean = clean;
        this.flipProbability = flipProbability;
    }

    @Override
    public void label(double[] z, int n, RandomStream rng, double[] y) {
        clean.label(z, n, rng, y);
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < flipProbability) {
                y[i] = -y[i];
            }
        }
    }
}
