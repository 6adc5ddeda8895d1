package org.mtrl.plugins.probes;

import java.util.Set;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.core.testing.ArrayModel;

/**
 * Test model of an architecture other than the paper's: features tanh(W x + b) by plain loops, logistic
 * loss; probes never train it. (The test kit's reference model is the ReLU network only.)
 */
final class TanhModel extends ArrayModel {
    TanhModel(Matrix w, double[] b, Matrix heads) {
        super(w, b, heads);
    }

    @Override
    public Loss loss() {
        return Fixtures.LOGISTIC;
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
                out[s * m + j] = Math.tanh(pre);
            }
        }
    }

    @Override
    public TanhModel withFirstLayer(Matrix w, double[] b) {
        return new TanhModel(w, b, heads().copy());
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        throw new UnsupportedOperationException("the probe tests never train a model");
    }
}
