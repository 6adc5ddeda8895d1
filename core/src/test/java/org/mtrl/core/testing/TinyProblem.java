package org.mtrl.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.training.DivergenceCheck;
import org.mtrl.core.data.ProjectingSampleSource;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.testing.RandomBases;
import org.mtrl.core.training.GradientEngine;

/**
 * A problem small enough to train by hand: x ~ N(0, I_d), a random M of rank r, T threshold tasks
 * y = sign(&lt;v_t, M^T x&gt;), and a {@link PlainReluModel} of width m with random W, b and heads.
 * Training and the hand computation draw the same samples: chunk c of task t for (purpose, round) comes
 * from the stream {@code (purpose, round, t, c)} of the context's streams, as the engine documents.
 */
public final class TinyProblem {
    /** Samples per chunk, as the engine draws them. */
    private static final int CHUNK = 512;

    private final Problem problem;
    private final SeededRandomStreams streams;
    private final int width;

    public TinyProblem(int d, int r, int tasks, int width, long seed) {
        SeededRandomStreams setup = new SeededRandomStreams(seed);
        RandomStream rng = setup.stream("problem");
        Subspace truth = new Subspace(RandomBases.orthonormal(d, r, rng));
        DataDistribution data = new GaussianInputs(truth);
        List<Task> list = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double[] v = RandomVectors.unitVector(r, rng);
            list.add((z, n, labelRng, y) -> {
                for (int s = 0; s < n; s++) {
                    double score = 0;
                    for (int c = 0; c < r; c++) {
                        score += v[c] * z[s * r + c];
                    }
                    y[s] = score >= 0 ? 1 : -1;
                }
            });
        }
        this.problem = new Problem(data, list, new ProjectingSampleSource(data, "tiny test data"));
        this.streams = new SeededRandomStreams(seed + 1);
        this.width = width;
    }

    public Problem problem() {
        return problem;
    }

    public SeededRandomStreams streams() {
        return streams;
    }

    /** The context a run would give an optimizer training {@code model}: core's gradients, the default divergence check. */
    public TrainingContext context(Workers workers, Model model) {
        return new TrainingContext(problem, streams, workers, ProgressListener.NONE, GradientEngine.SERVICE,
                new DivergenceCheck(model, DivergenceCheck.DEFAULT_GROWTH));
    }

    /** A model with W ~ N(0, 1/d), b ~ N(0, 1) and heads ~ N(0, headScale^2), drawn from {@code seed}. */
    public PlainReluModel model(double headScale, long seed) {
        int d = problem.groundTruth().dim();
        RandomStream rng = new SeededRandomStreams(seed).stream("model");
        Matrix w = Matrix.zeros(width, d);
        double[] b = new double[width];
        Matrix heads = Matrix.zeros(problem.taskCount(), width);
        rng.nextGaussians(w.data(), 0, width * d);
        for (int i = 0; i < width * d; i++) {
            w.data()[i] /= Math.sqrt(d);
        }
        rng.nextGaussians(b, 0, width);
        rng.nextGaussians(heads.data(), 0, heads.data().length);
        for (int i = 0; i < heads.data().length; i++) {
            heads.data()[i] *= headScale;
        }
        return new PlainReluModel(w, b, heads);
    }

    /** The n samples of {@code task} that training draws for (purpose, round): inputs n x d and labels. */
    public double[][] samples(String purpose, int round, int task, int n) {
        int d = problem.groundTruth().dim();
        Batch batch = new Batch(d, problem.groundTruth().rank(), CHUNK);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int c = 0; c * CHUNK < n; c++) {
            int size = Math.min(CHUNK, n - c * CHUNK);
            problem.samples().draw(problem.tasks().get(task), streams.stream(purpose, round, task, c), batch, size);
            System.arraycopy(batch.x(), 0, x, c * CHUNK * d, size * d);
            System.arraycopy(batch.y(), 0, y, c * CHUNK, size);
        }
        return new double[][] {x, y};
    }
}
