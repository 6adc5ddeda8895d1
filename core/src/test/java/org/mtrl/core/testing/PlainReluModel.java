package org.mtrl.core.testing;

import java.util.Arrays;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;

/**
 * A {@link org.mtrl.api.model.Model} computed by {@link PlainRelu}: what training sees of a two-layer
 * ReLU network, without the production kernels, so that tests of the updates depend on no plugin.
 */
public final class PlainReluModel extends ArrayModel {
    private static final Loss LOGISTIC = new Loss() {
        @Override
        public String name() {
            return "logistic";
        }

        @Override
        public double value(double y, double f) {
            return PlainRelu.loss(y, f);
        }

        @Override
        public double derivative(double y, double f) {
            return PlainRelu.lossDerivative(y, f);
        }
    };

    public PlainReluModel(Matrix w, double[] b, Matrix heads) {
        super(w, b, heads);
    }

    @Override
    public Loss loss() {
        return LOGISTIC;
    }

    @Override
    public PlainReluModel withFirstLayer(Matrix firstLayer, double[] bias) {
        return new PlainReluModel(firstLayer, bias, new Matrix(heads().rows(), heads().cols(), heads().data().clone()));
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        int m = width();
        double[] unit = new double[m];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < m; j++) {
                Arrays.fill(unit, 0);
                unit[j] = 1;
                out[s * m + j] = PlainRelu.output(firstLayer().data(), bias(), unit, 0, x, s * inputDim());
            }
        }
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        int m = width();
        int d = inputDim();
        double[] head = parts.contains(GradientPart.HEAD) ? new double[m] : null;
        double[] first = parts.contains(GradientPart.FIRST_LAYER) ? new double[m * d] : null;
        double[] bias = parts.contains(GradientPart.BIAS) ? new double[m] : null;
        double[] wLive = firstLayer().data();
        double[] bLive = bias();
        double[] headsLive = heads().data();
        return new GradientAccumulator() {
            @Override
            public void reset() {
                for (double[] g : new double[][] {head, first, bias}) {
                    if (g != null) {
                        Arrays.fill(g, 0);
                    }
                }
            }

            @Override
            public double add(int task, Batch batch, double scale) {
                double loss = 0;
                for (int s = 0; s < batch.size(); s++) {
                    double y = batch.y()[s];
                    loss += PlainRelu.loss(y, PlainRelu.output(wLive, bLive, headsLive, task * m, batch.x(), s * d));
                    PlainRelu.addGradient(wLive, bLive, headsLive, task * m, batch.x(), s * d, y,
                            scale, head, first, bias);
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
                return bias;
            }
        };
    }
}
