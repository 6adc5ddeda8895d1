package org.example.mtrl.ridge;

import java.util.Arrays;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.api.training.AlternatingParameters;
import org.mtrl.api.training.HeadStep;
import org.mtrl.api.training.PendingUpdate;
import org.mtrl.api.training.Round;

/** The optimizer's parameters, and its head step: per task, a = argmin (1/n)||Phi a - y||^2 + lambda ||a||^2
 *  on the features Phi of n = headSamples fresh samples (the method's headStep and headDecay are unused). */
public record RidgeHeadStep(@ParamGroup("the alternating method's schedule") AlternatingParameters method,
                            @Param(value = "lambda, the ridge penalty of each head fit", defaultValue = "0.01", min = 0,
                                    minExclusive = true) double lambda) implements HeadStep {
    @Override
    public PendingUpdate prepare(Round round) {
        double[] heads = round.model().heads().data().clone(); // the tasks not trained keep their heads
        round.context().workers().forEach(round.tasks().length, i -> fit(round, round.tasks()[i], heads));
        return () -> System.arraycopy(heads, 0, round.model().heads().data(), 0, heads.length);
    }

    /** Solves (Phi^T Phi / n + lambda I) a = Phi^T y / n by Cholesky into {@code heads}' row of {@code task}. */
    private void fit(Round round, int task, double[] heads) {
        var problem = round.context().problem();
        int n = method.head().headSamples();
        int m = round.model().width();
        int o = task * m;
        var batch = new Batch(problem.distribution().dim(), problem.groundTruth().rank(), n);
        problem.samples().draw(problem.tasks().get(task),
                round.context().streams().stream("ridge", round.sampleRound(), task), batch, n);
        double[] phi = new double[n * m];
        round.model().features(batch.x(), n, phi);
        double[] g = new double[m * m]; // lower triangle of the normal matrix, then of its Cholesky factor L
        Arrays.fill(heads, o, o + m, 0);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < m; i++) {
                heads[o + i] += phi[k * m + i] * batch.y()[k] / n;
                Vectors.axpy(phi[k * m + i] / n, phi, k * m, g, i * m, i + 1);
            }
        }
        for (int j = 0; j < m; j++) { // G + lambda I = L L^T and L z = Phi^T y / n, row by row
            g[j * m + j] = Math.sqrt(g[j * m + j] + lambda - Vectors.dot(g, j * m, g, j * m, j));
            heads[o + j] = (heads[o + j] - Vectors.dot(g, j * m, heads, o, j)) / g[j * m + j];
            for (int i = j + 1; i < m; i++) {
                g[i * m + j] = (g[i * m + j] - Vectors.dot(g, i * m, g, j * m, j)) / g[j * m + j];
            }
        }
        for (int i = m - 1; i >= 0; i--) { // L^T a = z, a row of L at a time
            heads[o + i] /= g[i * m + i];
            Vectors.axpy(-heads[o + i], g, i * m, heads, o, i);
        }
    }
}
