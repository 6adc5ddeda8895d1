package org.mtrl.testkit;

import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;

/** An accumulator that forwards every call to another: a broken one overrides what it breaks. */
class ForwardingAccumulator implements GradientAccumulator {
    final GradientAccumulator right;

    ForwardingAccumulator(GradientAccumulator right) {
        this.right = right;
    }

    @Override
    public void reset() {
        right.reset();
    }

    @Override
    public double add(int task, Batch batch, double scale) {
        return right.add(task, batch, scale);
    }

    @Override
    public double[] head() {
        return right.head();
    }

    @Override
    public double[] firstLayer() {
        return right.firstLayer();
    }

    @Override
    public double[] bias() {
        return right.bias();
    }

    @Override
    public double[] preActivationGram() {
        return right.preActivationGram();
    }
}
