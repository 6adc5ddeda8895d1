package org.mtrl.plugins.relu;

import org.mtrl.api.data.Batch;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.runtime.SeededRandomStreams;

/** Models, batches and reference computations shared by the tests. */
final class Fixtures {
    private Fixtures() {
    }

    static RandomStream stream(long seed) {
        return new SeededRandomStreams(seed).stream("test");
    }

    static TwoLayerReluParams params(int width, String weightInit, double biasScale, double headInit, String loss) {
        return new TwoLayerReluParams(width, weightInit, biasScale, headInit, loss);
    }

    static TwoLayerReluModel model(int d, int tasks, TwoLayerReluParams params, long seed) {
        return (TwoLayerReluModel) new TwoLayerReluArchitecture(params).build(d, tasks, stream(seed));
    }

    /** n standard Gaussian inputs with random labels in {-1, +1} (z is unused by the model and left zero). */
    static Batch randomBatch(int d, int n, RandomStream rng) {
        Batch batch = new Batch(d, 1, n);
        rng.nextGaussians(batch.x(), 0, n * d);
        for (int s = 0; s < n; s++) {
            batch.y()[s] = rng.nextDouble() < 0.5 ? -1 : 1;
        }
        batch.setSize(n);
        return batch;
    }

    /** The samples of {@code first} followed by those of {@code second}. */
    static Batch concat(Batch first, Batch second) {
        int d = first.dim();
        int n = first.size() + second.size();
        Batch both = new Batch(d, 1, n);
        System.arraycopy(first.x(), 0, both.x(), 0, first.size() * d);
        System.arraycopy(second.x(), 0, both.x(), first.size() * d, second.size() * d);
        System.arraycopy(first.y(), 0, both.y(), 0, first.size());
        System.arraycopy(second.y(), 0, both.y(), first.size(), second.size());
        both.setSize(n);
        return both;
    }

    /** z_j = &lt;w_j, x_s&gt; + b_j by a plain loop. */
    static double naivePreActivation(TwoLayerReluModel model, Batch batch, int s, int j) {
        int d = model.inputDim();
        double z = model.bias()[j];
        for (int i = 0; i < d; i++) {
            z += model.firstLayer().get(j, i) * batch.x()[s * d + i];
        }
        return z;
    }

    /** f_task(x_s) by plain loops. */
    static double naiveOutput(TwoLayerReluModel model, int task, Batch batch, int s) {
        double f = 0;
        for (int j = 0; j < model.width(); j++) {
            f += model.heads().get(task, j) * Math.max(0, naivePreActivation(model, batch, s, j));
        }
        return f;
    }
}
