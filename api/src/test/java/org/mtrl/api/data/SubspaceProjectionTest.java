package org.mtrl.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.Matrix;

/**
 * The projection against one plain chain per entry, bit for bit, for ranks on both sides of its blocks
 * of four columns and point counts on both sides of its blocks of four points (for the columns left
 * over), on random inputs and a random orthonormal basis.
 */
class SubspaceProjectionTest {

    @Test
    void projectionEqualsOneChainPerEntryBitForBit() {
        Random random = new Random(7);
        for (int d : new int[] {1, 3, 17, 100}) {
            for (int r = 1; r <= Math.min(d, 9); r++) {
                Subspace subspace = new Subspace(orthonormal(d, r, random));
                double[] basis = subspace.basis().data();
                for (int n = 0; n <= 9; n++) {
                    double[] x = new double[n * d];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = random.nextGaussian();
                    }
                    double[] z = new double[n * r];
                    subspace.project(x, n, z);
                    for (int k = 0; k < n; k++) {
                        for (int c = 0; c < r; c++) {
                            double expected = 0;
                            for (int i = 0; i < d; i++) {
                                expected += x[k * d + i] * basis[i * r + c];
                            }
                            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(z[k * r + c]),
                                    "d=" + d + " r=" + r + " n=" + n + " point " + k + " column " + c);
                        }
                    }
                }
            }
        }
    }

    /** Gram-Schmidt on Gaussian columns: a d x r matrix with orthonormal columns. */
    private static Matrix orthonormal(int d, int r, Random random) {
        Matrix m = Matrix.zeros(d, r);
        double[] a = m.data();
        for (int c = 0; c < r; c++) {
            for (int i = 0; i < d; i++) {
                a[i * r + c] = random.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += a[i * r + c] * a[i * r + p];
                }
                for (int i = 0; i < d; i++) {
                    a[i * r + c] -= dot * a[i * r + p];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += a[i * r + c] * a[i * r + c];
            }
            for (int i = 0; i < d; i++) {
                a[i * r + c] /= Math.sqrt(norm);
            }
        }
        return m;
    }
}
