package org.mtrl.plugins.baselines;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.model.Model;

/** Projects the rows of W onto span(M): W <- W M M^T, in place. */
final class OracleProjection {
    private OracleProjection() {
    }

    static void project(Model model, Subspace truth) {
        int m = model.width();
        int d = model.inputDim();
        int r = truth.rank();
        double[] w = model.firstLayer().data();
        double[] basis = truth.basis().data();
        double[] coeff = new double[r];
        for (int j = 0; j < m; j++) {
            int row = j * d;
            java.util.Arrays.fill(coeff, 0);
            for (int i = 0; i < d; i++) {
                double wi = w[row + i];
                for (int c = 0; c < r; c++) {
                    coeff[c] += wi * basis[i * r + c];
                }
            }
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int c = 0; c < r; c++) {
                    v += coeff[c] * basis[i * r + c];
                }
                w[row + i] = v;
            }
        }
    }
}
