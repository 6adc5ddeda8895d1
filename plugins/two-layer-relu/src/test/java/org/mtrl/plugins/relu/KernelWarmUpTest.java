package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.LogisticLoss;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.runtime.RandomStream;

/** The warm-up runs the real gradient code: a finite, non-zero gradient, the same on every kernel. */
class KernelWarmUpTest {

    @Test
    void warmUpSumsARealGradientOnEveryKernel() {
        double[] plain = KernelWarmUp.run(new PlainChunkKernels(), 3);
        double norm = 0;
        for (double v : plain) {
            assertTrue(Double.isFinite(v));
            norm += v * v;
        }
        assertTrue(norm > 1e-6, "first-layer gradient norm^2 " + norm);
        assertArrayEquals(plain, KernelWarmUp.run(new VectorChunkKernels(), 3));
    }

    /**
     * The warm-up's data, as its documentation gives it: a 184-unit model on 57 inputs with Gaussian W
     * and heads, zero biases and the logistic loss; each pass 121 Gaussian inputs labelled by the sign
     * of their first coordinate, averaged; passes alternate between the representation step's gradient
     * (first) and the head step's, so 3 passes sum the former over the first and third batches.
     */
    @Test
    void warmUpComputesTheGradientOfItsDocumentedData() {
        int units = 184;
        int inputs = 57;
        int samples = 121;
        RandomStream rng = new WarmUpStream(0);
        Matrix w = Matrix.zeros(units, inputs);
        rng.nextGaussians(w.data(), 0, units * inputs);
        Matrix heads = Matrix.zeros(1, units);
        rng.nextGaussians(heads.data(), 0, units);
        TwoLayerReluModel model = new TwoLayerReluModel(w, new double[units], heads, new LogisticLoss());
        GradientAccumulator expected = model.newAccumulator(EnumSet.of(GradientPart.FIRST_LAYER));
        Batch batch = new Batch(inputs, 1, samples);
        batch.setSize(samples);
        for (int pass = 0; pass < 3; pass++) {
            rng.nextGaussians(batch.x(), 0, samples * inputs);
            for (int s = 0; s < samples; s++) {
                batch.y()[s] = batch.x()[s * inputs] >= 0 ? 1 : -1;
            }
            if (pass != 1) {
                expected.add(0, batch, 1.0 / samples);
            }
        }
        assertArrayEquals(expected.firstLayer(), KernelWarmUp.run(new PlainChunkKernels(), 3));
    }
}
