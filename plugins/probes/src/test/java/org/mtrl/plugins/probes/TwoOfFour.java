package org.mtrl.plugins.probes;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.Vectors;

/**
 * A first layer that learned exactly two of four directions of M: rows 3 m_1, 2 m_2 (the first two
 * columns of M), a weaker row outside span(M) and a zero row.
 */
final class TwoOfFour {
    private TwoOfFour() {
    }

    static Matrix firstLayer(Subspace truth) {
        int d = truth.dim();
        Matrix m = truth.basis();
        Matrix w = Matrix.zeros(4, d);
        double[] outside = new double[d];
        outside[0] = 1; // e_1 minus its projection on span(M), normalised
        for (int a = 0; a < d; a++) {
            for (int c = 0; c < 4; c++) {
                outside[a] -= m.get(a, c) * m.get(0, c);
            }
        }
        double norm = Math.sqrt(Vectors.dot(outside, 0, outside, 0, d));
        for (int a = 0; a < d; a++) {
            w.set(0, a, 3 * m.get(a, 0));
            w.set(1, a, 2 * m.get(a, 1));
            w.set(2, a, 0.5 * outside[a] / norm);
        }
        return w;
    }
}
