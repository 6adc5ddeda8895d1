package org.mtrl.plugins.probes;

import java.util.Set;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.core.testing.ArrayModel;

/** Test model: given W, b and heads, features relu(W x + b), logistic loss; probes never train it. */
final class FixedModel extends ArrayModel {
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

    FixedModel(Matrix w, double[] b, Matrix heads) {
        super(w, b, heads);
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
                out[s * m + j] = Math.max(0, pre);
            }
        }
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        throw new UnsupportedOperationException("the probe tests never train a model");
    }
}
