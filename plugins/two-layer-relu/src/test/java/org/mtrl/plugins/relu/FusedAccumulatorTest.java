package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;

/** The blocked accumulator against a sample-by-sample reference written with plain loops. */
class FusedAccumulatorTest {
    private static final double RELATIVE = 1e-12;

    /** Head, first-layer and bias gradients and the loss, one sample and one unit at a time. */
    private record Reference(double[] head, double[] firstLayer, double[] bias, double loss) {
        static Reference of(TwoLayerReluModel model, int task, Batch batch, double scale) {
            int d = model.inputDim();
            int m = model.width();
            double[] head = new double[m];
            double[] firstLayer = new double[m * d];
            double[] bias = new double[m];
            double loss = 0;
            Loss l = model.loss();
            for (int s = 0; s < batch.size(); s++) {
                double f = Fixtures.naiveOutput(model, task, batch, s);
                loss += l.value(batch.y()[s], f);
                double g = scale * l.derivative(batch.y()[s], f);
                for (int j = 0; j < m; j++) {
                    double z = Fixtures.naivePreActivation(model, batch, s, j);
                    head[j] += g * Math.max(0, z);
                    if (z > 0) {
                        double c = g * model.heads().get(task, j);
                        bias[j] += c;
                        for (int k = 0; k < d; k++) {
                            firstLayer[j * d + k] += c * batch.x()[s * d + k];
                        }
                    }
                }
            }
            return new Reference(head, firstLayer, bias, loss);
        }
    }

    @ParameterizedTest
    @CsvSource({"logistic, 300, 50, 40", "hinge, 130, 17, 9", "squared, 64, 300, 33",
            // odd sample counts (n mod 4 = 3 and 1): the two- and four-sample passes end in tails
            "logistic, 7, 39, 5", "squared, 1, 3, 9", "hinge, 131, 301, 21"})
    void agreesWithTheSampleBySampleReference(String lossName, int n, int d, int m) {
        TwoLayerReluModel model = Fixtures.model(d, 3, Fixtures.params(m, "gaussian", 1.0, 0.7, lossName), n);
        Batch batch = Fixtures.randomBatch(d, n, Fixtures.stream(n + 17L));
        double scale = 1.0 / n;
        Reference reference = Reference.of(model, 2, batch, scale);
        for (ChunkKernels k : List.of(new PlainChunkKernels(), new VectorChunkKernels())) {
            GradientAccumulator acc = new TwoLayerReluAccumulator(model, EnumSet.allOf(GradientPart.class), k);
            assertMatches(reference, acc.add(2, batch, scale), acc, k.getClass().getSimpleName());
        }
    }

    /**
     * A batch runs in blocks of samples; every sum adds the samples in the same order whatever the
     * blocks, so blocks of 128 (the default), of 8 and of the whole batch give the same bits, on both
     * kernels, for every part and the loss.
     */
    @ParameterizedTest
    @CsvSource({"logistic, 300, 50, 40", "hinge, 131, 19, 9", "squared, 257, 7, 33"})
    void blocksOfSamplesDoNotChangeTheBits(String lossName, int n, int d, int m) {
        TwoLayerReluModel model = Fixtures.model(d, 3, Fixtures.params(m, "gaussian", 1.0, 0.7, lossName), n);
        Batch batch = Fixtures.randomBatch(d, n, Fixtures.stream(n + 23L));
        for (ChunkKernels k : List.of(new PlainChunkKernels(), new VectorChunkKernels())) {
            GradientAccumulator whole = new TwoLayerReluAccumulator(model, EnumSet.allOf(GradientPart.class), k, n);
            double wholeLoss = whole.add(1, batch, 1.0 / n);
            for (int block : new int[] {TwoLayerReluAccumulator.BLOCK, 8}) {
                GradientAccumulator blocked = new TwoLayerReluAccumulator(model, EnumSet.allOf(GradientPart.class),
                        k, block);
                String name = k.getClass().getSimpleName() + ", blocks of " + block;
                assertEquals(Double.doubleToRawLongBits(wholeLoss), Double.doubleToRawLongBits(blocked.add(1, batch,
                        1.0 / n)), name + " loss");
                assertArrayEquals(whole.head(), blocked.head(), 0.0, name + " head");
                assertArrayEquals(whole.firstLayer(), blocked.firstLayer(), 0.0, name + " first layer");
                assertArrayEquals(whole.bias(), blocked.bias(), 0.0, name + " bias");
                assertArrayEquals(whole.preActivationGram(), blocked.preActivationGram(), 0.0, name + " Gram");
            }
        }
    }

    /**
     * The last chunk of a task is usually shorter than the others: the buffers then hold the previous
     * chunk's numbers past the new batch's end, and none of them may leak into the sums.
     */
    @ParameterizedTest
    @CsvSource({"logistic, 7", "hinge, 5", "squared, 6"})
    void aShorterBatchAfterALongerOneUsesOnlyItsOwnSamples(String lossName, int n) {
        int d = 11;
        TwoLayerReluModel model = Fixtures.model(d, 2, Fixtures.params(13, "gaussian", 1.0, 0.7, lossName), 40 + n);
        Batch shorter = Fixtures.randomBatch(d, n, Fixtures.stream(n + 41L));
        Reference reference = Reference.of(model, 1, shorter, 0.5);
        for (ChunkKernels k : List.of(new PlainChunkKernels(), new VectorChunkKernels())) {
            GradientAccumulator acc = new TwoLayerReluAccumulator(model, EnumSet.allOf(GradientPart.class), k);
            acc.add(0, Fixtures.randomBatch(d, 16, Fixtures.stream(42)), 1);
            acc.reset();
            assertMatches(reference, acc.add(1, shorter, 0.5), acc, k.getClass().getSimpleName());
        }
    }

    private static void assertMatches(Reference reference, double loss, GradientAccumulator acc, String name) {
        assertEquals(reference.loss(), loss, RELATIVE * Math.abs(reference.loss()), name + " loss");
        assertClose(reference.head(), acc.head(), name + " head");
        assertClose(reference.firstLayer(), acc.firstLayer(), name + " first layer");
        assertClose(reference.bias(), acc.bias(), name + " bias");
    }

    /** Relative to the norm of the reference: entries near zero are sums with cancellation. */
    private static void assertClose(double[] expected, double[] actual, String what) {
        double norm = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            norm = Math.max(norm, Math.abs(expected[i]));
            error = Math.max(error, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(norm > 0, what + " is all zero: the test would prove nothing");
        assertTrue(error <= RELATIVE * norm, what + ": max error " + error + " vs max entry " + norm);
    }
}
