package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtrl.api.runtime.RandomStream;

/**
 * The blocked kernels against plain triple loops, on sizes that exercise every tile and tail (samples
 * and inputs not a multiple of 8 or of 4, widths not a multiple of the vector length, inputs longer than
 * one block).
 */
class ChunkKernelsTest {
    private static final double RELATIVE = 1e-12;

    /** Both, always: the build runs the tests with the vector module (see this module's pom). */
    private static List<ChunkKernels> implementations() {
        return List.of(new PlainChunkKernels(), new VectorChunkKernels());
    }

    private static double[] gaussians(int length, RandomStream rng) {
        double[] v = new double[length];
        rng.nextGaussians(v, 0, length);
        return v;
    }

    /** Random values in the first m of mp columns of each of {@code rows} rows, zero padding. */
    private static double[] padded(int rows, int m, int mp, RandomStream rng) {
        double[] v = new double[rows * mp];
        for (int r = 0; r < rows; r++) {
            rng.nextGaussians(v, r * mp, m);
        }
        return v;
    }

    private static double[] panels(double[] rowMajor, int rows, int mp) {
        double[] panels = new double[rows * mp];
        ChunkKernels.toPanels(rowMajor, rows, mp, panels);
        return panels;
    }

    @Test
    void panelsHoldEachUnitBlockRowAfterRow() {
        double[] rowMajor = new double[3 * 32];
        for (int i = 0; i < rowMajor.length; i++) {
            rowMajor[i] = i;
        }
        double[] panels = panels(rowMajor, 3, 32);
        // row 1, unit 5: panel 0, row 1; row 2, unit 20: panel 1, row 2, column 4
        assertEquals(rowMajor[32 + 5], panels[16 + 5]);
        assertEquals(rowMajor[2 * 32 + 20], panels[(3 + 2) * 16 + 4]);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "7, 37, 21", "64, 100, 200", "13, 600, 45", "5, 39, 3", "6, 131, 17"})
    void forwardMatchesTripleLoopWithReluAndImplementationsAgreeBitForBit(int n, int d, int m) {
        RandomStream rng = Fixtures.stream(n * 1000L + d);
        int mp = ChunkKernels.padded(m);
        double[] x = gaussians(n * d, rng);
        double[] wt = padded(d, m, mp, rng);
        double[] b = padded(1, m, mp, rng);
        double[] first = null;
        for (ChunkKernels kernels : implementations()) {
            double[] z = new double[n * mp];
            kernels.forward(x, 0, n, d, panels(wt, d, mp), mp, b, z);
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < mp; j++) {
                    double sum = b[j];
                    double magnitude = Math.abs(b[j]);
                    for (int k = 0; k < d; k++) {
                        sum += x[s * d + k] * wt[k * mp + j];
                        magnitude += Math.abs(x[s * d + k] * wt[k * mp + j]);
                    }
                    double relu = Math.max(sum, 0);
                    assertTrue(Math.abs(z[s * mp + j] - relu) <= RELATIVE * magnitude,
                            kernels.getClass().getSimpleName() + " h[" + s + "," + j + "] = " + z[s * mp + j]
                                    + " vs " + relu);
                }
            }
            if (first == null) {
                first = z;
            } else {
                assertArrayEquals(first, z, 0.0, "vector and plain forward differ");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "9, 37, 5", "64, 100, 200", "30, 300, 7", "5, 29, 11", "130, 300, 21", "7, 39, 5",
            "131, 301, 21", "3, 2, 16"})
    void backwardMatchesTripleLoopAndImplementationsAgreeBitForBit(int n, int d, int m) {
        RandomStream rng = Fixtures.stream(n * 7000L + d);
        int mp = ChunkKernels.padded(m);
        double[] x = gaussians(n * d, rng);
        double[] start = padded(d, m, mp, rng);
        double[] c = padded(n, m, mp, rng);
        for (int i = 0; i < c.length; i++) {
            if (rng.nextDouble() < 0.5) { // zeros, as the ReLU mask makes them
                c[i] = 0;
            }
        }
        double[] first = null;
        for (ChunkKernels kernels : implementations()) {
            double[] gt = start.clone();
            kernels.backward(x, 0, n, d, panels(c, n, mp), mp, gt);
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < mp; j++) {
                    double sum = start[k * mp + j];
                    double magnitude = Math.abs(sum);
                    for (int s = 0; s < n; s++) {
                        sum += x[s * d + k] * c[s * mp + j];
                        magnitude += Math.abs(x[s * d + k] * c[s * mp + j]);
                    }
                    assertTrue(Math.abs(gt[k * mp + j] - sum) <= RELATIVE * magnitude,
                            kernels.getClass().getSimpleName() + " gt[" + k + "," + j + "]");
                }
            }
            if (first == null) {
                first = gt;
            } else {
                assertArrayEquals(first, gt, 0.0, "vector and plain backward differ");
            }
        }
    }

    /** Rows of x from an offset: the same bits as the same rows at the start of their own array. */
    @Test
    void bothProductsReadTheSamplesFromTheOffsetGiven() {
        RandomStream rng = Fixtures.stream(99);
        int n = 21;
        int d = 13;
        int m = 20;
        int mp = ChunkKernels.padded(m);
        int skipped = 3;
        double[] x = gaussians((skipped + n) * d, rng);
        double[] rows = Arrays.copyOfRange(x, skipped * d, x.length);
        double[] wt = panels(padded(d, m, mp, rng), d, mp);
        double[] b = padded(1, m, mp, rng);
        double[] c = panels(padded(n, m, mp, rng), n, mp);
        for (ChunkKernels kernels : implementations()) {
            double[] fromOffset = new double[n * mp];
            double[] fromStart = new double[n * mp];
            kernels.forward(x, skipped * d, n, d, wt, mp, b, fromOffset);
            kernels.forward(rows, 0, n, d, wt, mp, b, fromStart);
            assertArrayEquals(fromStart, fromOffset, 0.0, kernels.getClass().getSimpleName() + " forward");
            double[] gradientFromOffset = new double[d * mp];
            double[] gradientFromStart = new double[d * mp];
            kernels.backward(x, skipped * d, n, d, c, mp, gradientFromOffset);
            kernels.backward(rows, 0, n, d, c, mp, gradientFromStart);
            assertArrayEquals(gradientFromStart, gradientFromOffset, 0.0, kernels.getClass().getSimpleName()
                    + " backward");
        }
    }

    @Test
    void theTestsRunWithTheVectorModule() {
        assertTrue(KernelChoice.vectorModulePresent(), "surefire's argLine adds jdk.incubator.vector: without it "
                + "half of these tests would compare the plain kernels with themselves");
    }

    @Test
    void theVectorKernelsRejectAnUnpaddedWidth() {
        ChunkKernels vector = new VectorChunkKernels();
        double[] z = new double[15];
        IllegalArgumentException forward = assertThrows(IllegalArgumentException.class,
                () -> vector.forward(new double[1], 0, 1, 1, new double[15], 15, new double[15], z));
        assertTrue(forward.getMessage().contains("15"), forward.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> vector.backward(new double[1], 0, 1, 1, new double[15], 15, new double[15]));
    }

    @Test
    void paddingRoundsUpToWholeTiles() {
        assertEquals(16, ChunkKernels.padded(1));
        assertEquals(16, ChunkKernels.padded(16));
        assertEquals(32, ChunkKernels.padded(17));
    }

    @ParameterizedTest
    @CsvSource({"plain, PlainChunkKernels", "PLAIN, PlainChunkKernels", "vector, VectorChunkKernels",
            "auto, VectorChunkKernels"})
    void choiceNamesTheImplementation(String name, String implementation) {
        assertEquals(implementation, KernelChoice.choose(name).getClass().getSimpleName());
    }

    @Test
    void anUnknownChoiceIsRejectedNamingThePropertyAndTheChoices() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelChoice.choose("simd"));
        assertTrue(e.getMessage().contains("mtrl.kernels=simd") && e.getMessage().contains("auto, plain, vector"),
                e.getMessage());
    }
}
