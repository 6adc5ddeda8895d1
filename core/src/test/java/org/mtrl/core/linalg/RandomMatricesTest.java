package org.mtrl.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.core.runtime.SeededRandomStreams;

class RandomMatricesTest {

    /** The thin Q is bit for bit the first r columns of Commons Math's full Q (sign-fixed), so seeds keep their results. */
    @Test
    void theThinQIsExactlyTheFirstColumnsOfTheFullQ() {
        int d = 37;
        int r = 5;
        Matrix thin = RandomMatrices.haarOrthonormal(d, r, new SeededRandomStreams(7).stream("m"));

        var rng = new SeededRandomStreams(7).stream("m");
        double[][] g = new double[d][r];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < r; j++) {
                g[i][j] = rng.nextGaussian();
            }
        }
        QRDecomposition full = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = full.getQ();
        double[] expected = new double[d * r];
        for (int j = 0; j < r; j++) {
            double sign = full.getR().getEntry(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < d; i++) {
                expected[i * r + j] = sign * q.getEntry(i, j);
            }
        }
        assertArrayEquals(expected, thin.data());
    }

    /** A large dimension needs d x r memory, not the d x d of a full Q (80 GB here). */
    @Test
    void aLargeDimensionNeedsOnlyDTimesRMemory() {
        Matrix m = RandomMatrices.haarOrthonormal(100_000, 3, new SeededRandomStreams(1).stream("m"));
        assertEquals(3, new Subspace(m).rank());
    }
}
