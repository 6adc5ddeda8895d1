package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
        if (KernelChoice.vectorModulePresent()) {
            assertArrayEquals(plain, KernelWarmUp.run(new VectorChunkKernels(), 3));
        }
    }
}
