package org.mtrl.plugins.relu;

import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;

/**
 * f_t(x) = sum_j a_{t,j} relu(&lt;w_j, x&gt; + b_j) with W (m x d) and b shared and one head a_t per
 * task. The parameter arrays are live: optimizers update them in place.
 */
public final class TwoLayerReluModel implements Model {
    private final Matrix firstLayer;
    private final double[] bias;
    private final Matrix heads;
    private final Loss loss;

    /**
     * Wraps the given arrays (not copied).
     *
     * @param firstLayer W, m x d
     * @param bias       b, length m
     * @param heads      T x m, row t is a_t
     * @param loss       the training loss
     */
    public TwoLayerReluModel(Matrix firstLayer, double[] bias, Matrix heads, Loss loss) {
        int m = firstLayer.rows();
        if (m < 1 || firstLayer.cols() < 1 || bias.length != m || heads.cols() != m || heads.rows() < 1) {
            throw new IllegalArgumentException("inconsistent shapes: W " + firstLayer + ", b of length "
                    + bias.length + ", heads " + heads);
        }
        this.firstLayer = firstLayer;
        this.bias = bias;
        this.heads = heads;
        this.loss = loss;
    }

    @Override
    public Matrix firstLayer() {
        return firstLayer;
    }

    @Override
    public double[] bias() {
        return bias;
    }

    @Override
    public Matrix heads() {
        return heads;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public void features(double[] x, int n, double[] out) {
        int d = inputDim();
        int m = width();
        if (n < 0 || x.length < (long) n * d || out.length < (long) n * m) {
            throw new IllegalArgumentException("features of n=" + n + " points need x of length >= " + (long) n * d
                    + " and out of length >= " + (long) n * m + ", got " + x.length + " and " + out.length);
        }
        double[] w = firstLayer.data();
        for (int k = 0; k < n; k++) {
            int xo = k * d;
            int oo = k * m;
            for (int j = 0; j < m; j++) {
                double z = bias[j] + Vectors.dot(w, j * d, x, xo, d);
                out[oo + j] = z > 0 ? z : 0.0;
            }
        }
    }

    @Override
    public TwoLayerReluModel withFirstLayer(Matrix firstLayer, double[] bias) {
        if (firstLayer.rows() != width() || bias.length != width()) {
            throw new IllegalArgumentException("a first layer " + firstLayer + " with " + bias.length
                    + " biases does not fit a model with W " + this.firstLayer);
        }
        return new TwoLayerReluModel(firstLayer, bias, heads.copy(), loss);
    }

    @Override
    public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
        return new TwoLayerReluAccumulator(this, parts);
    }

    /** Every part, the pre-activation Gram included: the network sees x only through W x. */
    @Override
    public Set<GradientPart> gradientParts() {
        return EnumSet.allOf(GradientPart.class);
    }

    @Override
    public String toString() {
        return "TwoLayerReluModel[d=" + inputDim() + ", m=" + width() + ", T=" + taskCount() + ", loss="
                + loss.name() + "]";
    }
}
