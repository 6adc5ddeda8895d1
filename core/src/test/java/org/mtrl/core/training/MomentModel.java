package org.mtrl.core.training;

import java.util.List;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.core.testing.ArrayModel;
import org.mtrl.core.testing.GaussianInputs;
import org.mtrl.api.tasks.Task;
import org.mtrl.core.data.ProjectingSampleSource;

/**
 * A test model whose "gradients" are label-weighted moments of the samples, independent of its
 * parameters: head_j = sum y x_j, W_ij = sum y x_i x_j, b_j = sum y x_j (times the scale). It makes
 * the engine's sample accounting observable: which samples were used, and how sums were combined.
 */
final class MomentModel extends ArrayModel {
    private final int d;

    MomentModel(int d, int tasks) {
        super(Matrix.zeros(d, d), new double[d], Matrix.zeros(tasks, d));
        this.d = d;
    }

    /** A problem on R^d whose tasks are y = sign(z_1 + task offset), with inputs N(0, I). */
    static Problem problem(int d, int tasks) {
        double[] basis = new double[d];
        basis[0] = 1;
        Subspace truth = new Subspace(new Matrix(d, 1, basis));
        DataDistribution data = new GaussianInputs(truth);
        List<Task> list = new java.util.ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double offset = 0.1 * t;
            list.add((z, n, rng, y) -> {
                for (int i = 0; i < n; i++) {
                    y[i] = z[i] + offset >= 0 ? 1 : -1;
                }
            });
        }
        return new Problem(data, list, new ProjectingSampleSource(data, "test data"));
    }

    @Override
    public Loss loss() {
        throw new UnsupportedOperationException("the moment model has no loss");
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        System.arraycopy(x, 0, out, 0, n * d);
    }

    /** How many accumulators were made: the engine should make one per workspace, not one per use. */
    int accumulatorsMade;

    @Override
    public MomentModel withFirstLayer(Matrix firstLayer, double[] bias) {
        throw new UnsupportedOperationException("the moment model is never probed");
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        accumulatorsMade++;
        return new GradientAccumulator() {
            private final double[] head = new double[d];
            private final double[] first = new double[d * d];
            private final double[] bias = new double[d];

            @Override
            public void reset() {
                java.util.Arrays.fill(head, 0);
                java.util.Arrays.fill(first, 0);
                java.util.Arrays.fill(bias, 0);
            }

            @Override
            public double add(int task, Batch batch, double scale) {
                double[] x = batch.x();
                double[] y = batch.y();
                double loss = 0;
                for (int s = 0; s < batch.size(); s++) {
                    double g = scale * y[s];
                    loss += y[s] * x[s * d];
                    for (int j = 0; j < d; j++) {
                        double xj = x[s * d + j];
                        head[j] += g * xj;
                        bias[j] += g * xj;
                        for (int i = 0; i < d; i++) {
                            first[j * d + i] += g * xj * x[s * d + i];
                        }
                    }
                }
                return loss;
            }

            @Override
            public double[] head() {
                return head;
            }

            @Override
            public double[] firstLayer() {
                return first;
            }

            @Override
            public double[] bias() {
                if (!parts.contains(GradientPart.BIAS)) {
                    throw new IllegalStateException("the bias gradient was not requested");
                }
                return bias;
            }
        };
    }
}
