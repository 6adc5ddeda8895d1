package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitStreams;
import org.mtrl.testkit.KitWorkers;
import org.mtrl.testkit.ReferenceModel;

/** Builders shared by the probe tests, on the test kit's streams, workers and reference model. */
final class Fixtures {
    static final Loss LOGISTIC = Losses.byName("logistic");

    private Fixtures() {
    }

    static RandomStream stream(long seed) {
        return new KitStreams(seed).stream("fixture");
    }

    /** The kit's workers: one thread on the caller, or four in a varying order for any larger count. */
    static Workers workers(int threads) {
        return threads == 1 ? KitWorkers.sameThread() : KitWorkers.fourThreads();
    }

    /** The paper's ReLU network with first layer W, zero biases, {@code tasks} zero heads and logistic loss. */
    static Model model(Matrix w, int tasks) {
        return model(w, new double[w.rows()], Matrix.zeros(tasks, w.rows()));
    }

    /** The paper's ReLU network with the given parameters and logistic loss; probes never train it. */
    static Model model(Matrix w, double[] b, Matrix heads) {
        return new ReferenceModel(w, b, heads, LOGISTIC);
    }

    /** Inputs of {@code data}, their projections on its ground truth and the task's labels. */
    static SampleSource samples(DataDistribution data) {
        return (task, rng, batch, n) -> KitProblem.fill(data, task, rng, batch, n);
    }

    /** The axis-aligned ground truth M = [e_1 ... e_r] in R^d. */
    static Subspace axes(int d, int r) {
        Matrix m = Matrix.zeros(d, r);
        for (int c = 0; c < r; c++) {
            m.set(c, c, 1);
        }
        return new Subspace(m);
    }

    /** A context with T tasks of {@code family} (all trained), the given seed and worker count. */
    static ProbeContext context(Model model, DataDistribution data, TaskFamily family, long seed, Workers workers) {
        RandomStream taskRng = new KitStreams(seed).stream("pretraining-tasks");
        List<Task> tasks = new ArrayList<>();
        List<Integer> trained = new ArrayList<>();
        for (int t = 0; t < family.count(); t++) {
            tasks.add(family.draw(data.groundTruth(), taskRng));
            trained.add(t);
        }
        Problem problem = new Problem(data, tasks, samples(data));
        return context(model, problem, family, trained, seed, workers);
    }

    static ProbeContext context(Model model, Problem problem, TaskFamily family, List<Integer> trained, long seed,
                                Workers workers) {
        return new ProbeContext(model, problem, family, new TrainingResult(List.of(), trained),
                new KitStreams(seed).scoped("probe"), workers);
    }

    /** A single-threaded context on a fresh random-threshold family with one task. */
    static ProbeContext context(Model model, DataDistribution data) {
        return context(model, data, new ThresholdFamily(1), 1, KitWorkers.sameThread());
    }

    /** The probe's metrics by name, checking names are unique. */
    static Map<String, Double> measure(Probe probe, ProbeContext context) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : probe.measure(context)) {
            Double previous = values.put(metric.name(), metric.value());
            assertEquals(null, previous, "duplicate metric " + metric.name());
        }
        return values;
    }

    /** A m x d matrix of independent N(0, 1/d) entries. */
    static Matrix gaussian(int m, int d, RandomStream rng) {
        Matrix w = Matrix.zeros(m, d);
        rng.nextGaussians(w.data(), 0, m * d);
        for (int i = 0; i < m * d; i++) {
            w.data()[i] /= Math.sqrt(d);
        }
        return w;
    }

    /** A m x d matrix A M^T whose rows lie in span(M), A with N(0, 1) entries. */
    static Matrix insideSpan(int m, Subspace truth, RandomStream rng) {
        Matrix a = Matrix.zeros(m, truth.rank());
        rng.nextGaussians(a.data(), 0, a.data().length);
        return Dense.multiply(a, transpose(truth.basis()));
    }

    /** A m x d Gaussian matrix with its part inside span(M) removed: W - W M M^T. */
    static Matrix outsideSpan(int m, Subspace truth, RandomStream rng) {
        Matrix w = gaussian(m, truth.dim(), rng);
        Matrix inside = Dense.multiply(Dense.multiply(w, truth.basis()), transpose(truth.basis()));
        for (int i = 0; i < w.data().length; i++) {
            w.data()[i] -= inside.data()[i];
        }
        return w;
    }

    static Matrix transpose(Matrix a) {
        Matrix t = Matrix.zeros(a.cols(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }
}
