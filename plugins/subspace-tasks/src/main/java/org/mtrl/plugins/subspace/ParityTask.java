package org.mtrl.plugins.subspace;

import java.util.Arrays;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/** y = prod_{k in S} sign(z_k) over a set S of distinct coordinates (|S| = 2 is XOR). */
final class ParityTask implements Task {
    private final int rank;
    private final int[] coordinates;

    private ParityTask(int rank, int[] coordinates) {
        this.rank = rank;
        this.coordinates = coordinates;
    }

    /** A parity over {@code order} distinct coordinates of R^rank chosen uniformly at random. */
    static ParityTask draw(int rank, int order, RandomStream rng) {
        if (order > rank) {
            throw new IllegalArgumentException(
                    "order=" + order + " exceeds the rank r=" + rank + " of the ground truth");
        }
        // Partial Fisher-Yates shuffle: the first `order` entries are a uniform random subset.
        int[] pool = new int[rank];
        for (int i = 0; i < rank; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < order; i++) {
            int j = i + rng.nextInt(rank - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return new ParityTask(rank, Arrays.copyOf(pool, order));
    }

    @Override
    public void label(double[] z, int n, RandomStream rng, double[] y) {
        for (int k = 0; k < n; k++) {
            int o = k * rank;
            double product = 1;
            for (int c : coordinates) {
                product *= Signs.sign(z[o + c]);
            }
            y[k] = product;
        }
    }
}
