package org.mtrl.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mtrl.api.runtime.RandomStream;

class RandomVectorsTest {

    /** A stream that hands out the given Gaussians, in order. */
    private static RandomStream gaussians(double... draws) {
        return new RandomStream() {
            private int next;

            @Override
            public double nextGaussian() {
                return draws[next++];
            }

            @Override
            public double nextDouble() {
                throw new AssertionError();
            }

            @Override
            public long nextLong() {
                throw new AssertionError();
            }

            @Override
            public int nextInt(int bound) {
                throw new AssertionError();
            }
        };
    }

    @Test
    void aUnitVectorIsTheNormalisedGaussianDraw() {
        double[] v = RandomVectors.unitVector(5, gaussians(1, -2, 0.5, 3, -0.25));
        double norm = Math.sqrt(1 + 4 + 0.25 + 9 + 0.0625);
        double[] expected = {1 / norm, -2 / norm, 0.5 / norm, 3 / norm, -0.25 / norm};
        assertArrayEquals(expected, v, 1e-15);
        assertEquals(1.0, Math.sqrt(Vectors.dot(v, 0, v, 0, 5)), 1e-15);
    }

    @Test
    void aZeroDrawIsRedrawnNeverNormalised() {
        assertArrayEquals(new double[] {0.6, 0.8}, RandomVectors.unitVector(2, gaussians(0, 0, 3, 4)), 1e-15);
    }
}
