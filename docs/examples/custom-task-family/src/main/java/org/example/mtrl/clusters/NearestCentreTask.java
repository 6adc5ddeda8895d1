package org.example.mtrl.clusters;

import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * Labels a point by the label of its nearest centre in z-space (ties go to the lower index). Centres
 * are N(0, spread^2 I_r); their labels are a random half +1, half -1, so both classes always occur.
 */
final class NearestCentreTask implements Task {
    private final int rank;
    private final double[] centres;
    private final double[] centreLabels;

    NearestCentreTask(int rank, double[] centres, double[] centreLabels) {
        this.rank = rank;
        this.centres = centres;
        this.centreLabels = centreLabels;
    }

    /** A task with {@code k} centres in R^rank, drawn from {@code rng} alone. */
    static NearestCentreTask draw(int rank, int k, double spread, RandomStream rng) {
        double[] centres = new double[k * rank];
        rng.nextGaussians(centres, 0, centres.length);
        for (int i = 0; i < centres.length; i++) {
            centres[i] *= spread;
        }
        double[] labels = new double[k];
        for (int c = 0; c < k; c++) {
            labels[c] = c < (k + 1) / 2 ? 1 : -1;
        }
        for (int c = k - 1; c > 0; c--) { // Fisher-Yates: which centres are positive is random
            int other = rng.nextInt(c + 1);
            double swap = labels[c];
            labels[c] = labels[other];
            labels[other] = swap;
        }
        return new NearestCentreTask(rank, centres, labels);
    }

    @Override
    public void label(double[] z, int n, RandomStream rng, double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = centreLabels[nearest(z, i * rank)];
        }
    }

    int nearest(double[] z, int offset) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centreLabels.length; c++) {
            double distance = 0;
            for (int k = 0; k < rank; k++) {
                double diff = z[offset + k] - centres[c * rank + k];
                distance += diff * diff;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    double[] centres() {
        return centres.clone();
    }

    double[] centreLabels() {
        return centreLabels.clone();
    }
}
