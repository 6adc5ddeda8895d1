package org.mtrl.plugins.probes;

import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.core.testing.ArrayModel;

/**
 * Test model: given W, b and heads, features act(W x + b) by plain loops (act = relu unless given, e.g.
 * tanh for an architecture other than the paper's), logistic loss; probes never train it.
 */
final class FixedModel extends ArrayModel {
    static final DoubleUnaryOperator RELU = z -> Math.max(0, z);

    static final Loss LOGISTIC = new Loss() {
        @Override
        public String name() {
            return "logistic";
        }

        @Override
        public double value(double y, double f) {
            return RidgeLogisticRegression.softplus(-y * f);
        }

        @Override
        public double derivative(double y, double f) {
            return -y * RidgeLogisticRegression.sigmoid(-y * f);
        }
    };

    private final DoubleUnaryOperator activation;

    FixedModel(Matrix w, double[] b, Matrix heads, DoubleUnaryOperator activation) {
        super(w, b, heads);
        this.activation = activation;
    }

    FixedModel(Matrix w, double[] b, Matrix heads) {
        this(w, b, heads, RELU);
    }

    /** W with zero biases and {@code tasks} zero heads. */
    FixedModel(Matrix w, int tasks) {
        this(w, new double[w.rows()], Matrix.zeros(tasks, w.rows()));
    }

    @Override
    public Loss loss() {
        return LOGISTIC;
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        int d = inputDim();
        int m = width();
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < m; j++) {
                double pre = bias()[j];
                for (int a = 0; a < d; a++) {
                    pre += firstLayer().get(j, a) * x[s * d + a];
                }
                out[s * m + j] = activation.applyAsDouble(pre);
            }
        }
    }

    @Override
    public FixedModel withFirstLayer(Matrix w, double[] b) {
        return new FixedModel(w, b, heads().copy(), activation);
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        throw new UnsupportedOperationException("the probe tests never train a model");
    }
}
