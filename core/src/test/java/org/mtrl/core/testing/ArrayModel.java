package org.mtrl.core.testing;

import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;

/**
 * The part every test model shares: W (m x d), b and the heads (T x m) held as given, with the sizes
 * read off them. Subclasses say what the model computes (loss, features, gradients).
 */
public abstract class ArrayModel implements Model {
    private final Matrix w;
    private final double[] b;
    private final Matrix heads;

    protected ArrayModel(Matrix w, double[] b, Matrix heads) {
        this.w = w;
        this.b = b;
        this.heads = heads;
    }

    @Override
    public Matrix firstLayer() {
        return w;
    }

    @Override
    public double[] bias() {
        return b;
    }

    @Override
    public Matrix heads() {
        return heads;
    }
}
