package org.mtrl.api.model;

import java.util.Set;
import org.mtrl.api.linalg.Matrix;

/**
 * A multi-task network with a shared first layer and one linear head per task:
 * f_t(x) = sum_j a_{t,j} relu(&lt;w_j, x&gt; + b_j).
 * The parameter arrays are live: optimizers update them in place.
 */
public interface Model {

    /** d, the first layer's columns: a model need not override it (a wrapper forwards it). */
    default int inputDim() {
        return firstLayer().cols();
    }

    /** m, the number of hidden units: the first layer's rows. */
    default int width() {
        return firstLayer().rows();
    }

    /** T, the number of heads: their rows. */
    default int taskCount() {
        return heads().rows();
    }

    /** W, m x d, live. */
    Matrix firstLayer();

    /** b, length m, live. */
    double[] bias();

    /** Heads, T x m (row t is a_t), live. */
    Matrix heads();

    /** The training loss. */
    Loss loss();

    /**
     * Hidden features of n points (relu(W x + b) for the paper's network; another architecture may use
     * another activation). Safe for concurrent calls: it only reads the parameters.
     *
     * @param x   n x d inputs, row-major
     * @param out n x m output, row-major
     */
    void features(double[] x, int n, double[] out);

    /**
     * A model of the same architecture and loss whose first layer and biases are {@code firstLayer}
     * (m x d', any input dimension d' &gt;= 1) and {@code bias} (length m), used as given, with a copy of
     * this model's heads. Probes use it to read the features of a modified first layer (unit-norm rows,
     * re-drawn biases) through the architecture's own {@link #features}, never a feature map of their
     * own; projected sampling uses it with the first layer W Q of inputs u = Q^T x in a basis Q.
     *
     * @throws IllegalArgumentException if the width or the bias length differs from this model's
     */
    Model withFirstLayer(Matrix firstLayer, double[] bias);

    /** A fresh accumulator computing only {@code parts}, for use by one thread. */
    GradientAccumulator newAccumulator(Set<GradientPart> parts);

    /**
     * The parts this model's accumulators can compute. The default is the three parameter groups; a
     * model that also offers {@link GradientPart#PRE_ACTIVATION_GRAM} declares that it sees an input
     * only through its first layer W x, which allows exact projected sampling.
     */
    default Set<GradientPart> gradientParts() {
        return Set.of(GradientPart.HEAD, GradientPart.FIRST_LAYER, GradientPart.BIAS);
    }
}
