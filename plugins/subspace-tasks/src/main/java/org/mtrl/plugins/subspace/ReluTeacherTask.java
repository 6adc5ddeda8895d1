package org.mtrl.plugins.subspace;

import java.util.Arrays;
import java.util.Comparator;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * A random one-hidden-layer ReLU teacher on z: s(z) = sum_k c_k relu(&lt;u_k, z&gt; + beta_k), labelled
 * y = sign(s(z) - t) where t is the median of s under z ~ N(0, I_r), estimated when the task is drawn,
 * so that the two classes are balanced.
 *
 * <p>Ties: s has an atom, s = 0 wherever every unit is inactive, and for few units that atom often
 * holds the median (one unit with beta &lt; 0 makes it more than half the mass). Plain sign(0) = +1
 * would then put the whole atom in one class. So points are ranked by the pair (s, leak), where
 * leak(z) = sum_k c_k min(&lt;u_k, z&gt; + beta_k, 0), lexicographically; t is the median pair.
 * This is a leaky ReLU teacher in the limit of a vanishing leak: labels differ from
 * sign(s(z) - t) only where s(z) equals t exactly, and the pair has no atom, so classes stay balanced.
 */
final class ReluTeacherTask implements Task {
    private final Teacher teacher;
    private final double medianScore;
    private final double medianLeak;

    private ReluTeacherTask(Teacher teacher, double medianScore, double medianLeak) {
        this.teacher = teacher;
        this.medianScore = medianScore;
        this.medianLeak = medianLeak;
    }

    /**
     * Draws a teacher with {@code hidden} units (u_k uniform on the sphere, c_k and beta_k standard
     * normal) and estimates its median from {@code medianSamples} draws of z (the upper median when
     * the count is even), all from {@code rng}.
     */
    static ReluTeacherTask draw(int rank, int hidden, int medianSamples, RandomStream rng) {
        double[] directions = new double[hidden * rank];
        double[] weights = new double[hidden];
        double[] biases = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            System.arraycopy(RandomVectors.unitVector(rank, rng), 0, directions, k * rank, rank);
            weights[k] = rng.nextGaussian();
            biases[k] = rng.nextGaussian();
        }
        Teacher teacher = new Teacher(rank, directions, weights, biases);

        double[] z = new double[medianSamples * rank];
        rng.nextGaussians(z, 0, z.length);
        double[] scores = new double[medianSamples];
        double[] leaks = new double[medianSamples];
        Integer[] order = new Integer[medianSamples];
        for (int i = 0; i < medianSamples; i++) {
            scores[i] = teacher.score(z, i * rank);
            leaks[i] = teacher.leak(z, i * rank);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparingDouble(i -> leaks[i]));
        int median = order[medianSamples / 2];
        return new ReluTeacherTask(teacher, scores[median], leaks[median]);
    }

    @Override
    public void label(double[] z, int n, RandomStream rng, double[] y) {
        int r = teacher.rank();
        for (int k = 0; k < n; k++) {
            double s = teacher.score(z, k * r);
            // The leak only matters on a tie, so it is computed only then.
            y[k] = s != medianScore ? Signs.sign(s - medianScore) : Signs.sign(teacher.leak(z, k * r) - medianLeak);
        }
    }

    /** The teacher network: unit k has direction u_k (row k of {@code directions}), weight c_k, bias beta_k. */
    private record Teacher(int rank, double[] directions, double[] weights, double[] biases) {

        /** s(z) = sum_k c_k max(pre_k, 0) for the point starting at {@code z[offset]}. */
        double score(double[] z, int offset) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                double pre = preActivation(k, z, offset);
                if (pre > 0) {
                    s += weights[k] * pre;
                }
            }
            return s;
        }

        /** leak(z) = sum_k c_k min(pre_k, 0), the tie-breaker. */
        double leak(double[] z, int offset) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                double pre = preActivation(k, z, offset);
                if (pre < 0) {
                    s += weights[k] * pre;
                }
            }
            return s;
        }

        private double preActivation(int unit, double[] z, int offset) {
            int o = unit * rank;
            double pre = biases[unit];
            for (int c = 0; c < rank; c++) {
                pre += directions[o + c] * z[offset + c];
            }
            return pre;
        }
    }
}
