package org.mtrl.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The vector kernels on slices, with sums whose every term is visible in the result. */
class VectorsTest {

    @Test
    void dotSumsEveryProductOfTheSlices() {
        // powers of two times distinct small integers keep every sum exact, so any lost, doubled,
        // misplaced or divided term shows
        double[] a = new double[12];
        double[] b = new double[12];
        for (int i = 0; i < 12; i++) {
            a[i] = 1L << i;
            b[i] = 3 + i;
        }
        for (int n = 0; n <= 9; n++) {
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += a[2 + i] * b[1 + i];
            }
            assertEquals(expected, Vectors.dot(a, 2, b, 1, n), 0.0, "n = " + n);
        }
        assertEquals(0, Vectors.dot(a, 0, b, 0, 0), 0.0);
    }

    @Test
    void dotCombinesItsFourPartialSumsInTheDocumentedOrder() {
        // terms 1e16 and -1e16 in different partial sums cancel only when combined as (s0 + s1) + (s2 + s3)
        double[] a = {1e16, 1, -1e16, 1, 1};
        double[] b = {1, 1, 1, 1, 1};
        double s0 = 1e16 + 1;
        double s1 = 1;
        double s2 = -1e16;
        double s3 = 1;
        assertEquals((s0 + s1) + (s2 + s3), Vectors.dot(a, 0, b, 0, 5), 0.0);
    }

    @Test
    void axpyAddsAlphaTimesTheSliceAndNothingElse() {
        double[] x = {9, 1, 2, 3, 9};
        double[] y = {5, 5, 10, 20, 30, 5};
        Vectors.axpy(-2, x, 1, y, 2, 3);
        assertArrayEquals(new double[] {5, 5, 8, 16, 24, 5}, y, 0.0);
    }
}
