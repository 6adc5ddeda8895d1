package org.mtrl.plugins.probes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.NestedComponent;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.sampling.ModelSamples;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;

/**
 * Downstream transfer: freeze W, fit only a linear head on the model's features phi(x) of (W', b')
 * for fresh tasks, report test accuracy.
 *
 * <p>W' is W with every row rescaled to unit norm ({@code normalizeRows}; a zero row stays zero) or
 * W itself; b' is re-drawn as N(0, biasScale^2) ({@code redrawBias}, stream {@code bias}) or the
 * model's b. The features are the architecture's own ({@link Model#withFirstLayer}, then
 * {@link Model#features}): relu(W' x + b') for the paper's network. For each downstream task k
 * (stream {@code task/k}, drawn on the same M from the {@code tasks} family, by default the
 * pretraining family) and each n3 in {@code samples}, a head with intercept is fitted on n3 samples (stream
 * {@code train/k/n3}) by {@link RidgeLogisticRegression} and scored on {@code testSamples} samples
 * (stream {@code test/k}, shared by all n3 of the task); a tie f = 0 scores 1/2 ({@link Margins}).
 * Metrics {@code accuracy.<n3>} (mean over tasks) and {@code accuracy} (the last n3 listed). Tasks
 * run in parallel; each depends only on its index and results are averaged in index order.
 */
public final class DownstreamLinearProbe implements Probe {

    /** Parameters of {@code downstream-linear}. */
    public record Params(
            @Param(value = "downstream training-set sizes n3, one accuracy each", defaultValue = "[100, 300, 1000]",
                    min = 1) List<Integer> samples,
            @Param(value = "fresh test samples per downstream task", defaultValue = "2000", min = 1) int testSamples,
            @Param(value = "number of fresh downstream tasks averaged", defaultValue = "5", min = 1) int taskCount,
            @Param(value = "family the downstream tasks are drawn from, e.g. {type: relu-teacher} (its count is"
                    + " not used); null: the pretraining family", defaultValue = "null")
            NestedComponent<TaskFamily> tasks,
            @Param(value = "penalty (l2/2)||theta||^2 on the head and intercept", defaultValue = "0.001", min = 0,
                    minExclusive = true) double l2,
            @Param(value = "Newton iterations at most", defaultValue = "50", min = 1) int maxIterations,
            @Param(value = "rescale every row of W to unit norm", defaultValue = "true") boolean normalizeRows,
            @Param(value = "re-draw the biases as N(0, biasScale^2) instead of using the model's",
                    defaultValue = "true") boolean redrawBias,
            @Param(value = "standard deviation of re-drawn biases", defaultValue = "1", min = 0) double biasScale) {

        public Params {
            if (samples == null || samples.isEmpty()) {
                throw new IllegalArgumentException("samples must list at least one n3, got " + samples);
            }
            samples = List.copyOf(samples);
            if (new HashSet<>(samples).size() != samples.size()) {
                throw new IllegalArgumentException("samples must not repeat an n3, got " + samples);
            }
        }
    }

    public static final ComponentFactory<Params, Probe> FACTORY = ComponentFactory.of(ComponentKind.PROBE,
            "downstream-linear", "test accuracy of a logistic head fitted on frozen features of fresh tasks",
            Params.class, (p, ctx) -> new DownstreamLinearProbe(p, p.tasks() == null ? null : p.tasks().create(ctx)));

    private final Params params;
    private final TaskFamily family;
    private final RidgeLogisticRegression solver;

    /** A probe drawing its tasks from {@code family}, or from the pretraining family when it is null. */
    public DownstreamLinearProbe(Params params, TaskFamily family) {
        this.params = params;
        this.family = family;
        this.solver = new RidgeLogisticRegression(params.l2(), params.maxIterations());
    }

    @Override
    public List<Metric> measure(ProbeContext context) {
        Model model = context.model();
        Subspace truth = context.problem().groundTruth();
        Dense.requireSameDimension(model, truth);
        // the run's sampling: the frozen model and its samples, projected on its row span and M when the run
        // projects (unit rows keep W's row span)
        ModelSamples frozen = context.sampling().forModel(
                model.withFirstLayer(frozenFirstLayer(model), frozenBias(model, context.streams())));
        TaskFamily tasks = family != null ? family : context.taskFamily();
        int taskCount = params.taskCount();
        int sizes = params.samples().size();
        double[][] accuracy = new double[taskCount][];
        context.workers().forEach(taskCount, k -> accuracy[k] = evaluateTask(k, context, tasks, frozen));
        List<Metric> metrics = new ArrayList<>(sizes + 1);
        double last = 0;
        for (int i = 0; i < sizes; i++) {
            double sum = 0;
            for (int k = 0; k < taskCount; k++) {
                sum += accuracy[k][i];
            }
            last = sum / taskCount;
            metrics.add(new Metric("accuracy." + params.samples().get(i), last));
        }
        metrics.add(new Metric("accuracy", last));
        return metrics;
    }

    private Matrix frozenFirstLayer(Model model) {
        return params.normalizeRows() ? unitRows(model.firstLayer()) : model.firstLayer().copy();
    }

    private double[] frozenBias(Model model, RandomStreams streams) {
        if (!params.redrawBias()) {
            return model.bias().clone();
        }
        double[] b = new double[model.width()];
        RandomStream rng = streams.stream("bias");
        rng.nextGaussians(b, 0, b.length);
        for (int j = 0; j < b.length; j++) {
            b[j] *= params.biasScale();
        }
        return b;
    }

    /** Test accuracy of downstream task k for every n3, in the order of {@code samples}. */
    private double[] evaluateTask(int k, ProbeContext context, TaskFamily tasks, ModelSamples frozen) {
        RandomStreams streams = context.streams();
        Task task = tasks.draw(context.problem().groundTruth(), streams.stream("task", k));
        int m = frozen.model().width();
        List<Integer> sizes = params.samples();
        int largest = Math.max(params.testSamples(), sizes.stream().mapToInt(Integer::intValue).max().orElseThrow());
        Batch batch = ChunkedSamples.batchFor(frozen.groundTruth(), largest);
        double[] chunkFeatures = new double[batch.capacity() * m];
        List<RidgeLogisticRegression.Fit> heads = new ArrayList<>(sizes.size());
        for (int n3 : sizes) {
            double[] phi = new double[Math.multiplyExact(n3, m)];
            double[] y = new double[n3];
            ChunkedSamples.draw(frozen.samples(), task, streams.stream("train", k, n3), batch, n3,
                    (b, offset, count) -> {
                        frozen.model().features(b.x(), count, chunkFeatures);
                        System.arraycopy(chunkFeatures, 0, phi, offset * m, count * m);
                        System.arraycopy(b.y(), 0, y, offset, count);
                    });
            heads.add(solver.fit(phi, y, n3, m));
        }
        double[] correct = new double[sizes.size()];
        ChunkedSamples.draw(frozen.samples(), task, streams.stream("test", k), batch, params.testSamples(),
                (b, offset, count) -> {
                    frozen.model().features(b.x(), count, chunkFeatures);
                    double[] y = b.y();
                    for (int h = 0; h < heads.size(); h++) {
                        RidgeLogisticRegression.Fit head = heads.get(h);
                        for (int s = 0; s < count; s++) {
                            correct[h] += Margins.credit(y[s], head.predict(chunkFeatures, s * m));
                        }
                    }
                });
        for (int h = 0; h < correct.length; h++) {
            correct[h] /= params.testSamples();
        }
        return correct;
    }

    /**
     * A copy of {@code w} with every row rescaled to unit Euclidean norm; a zero row stays zero
     * (it has no direction to keep).
     */
    static Matrix unitRows(Matrix w) {
        Matrix copy = w.copy();
        double[] x = copy.data();
        int d = copy.cols();
        for (int i = 0; i < copy.rows(); i++) {
            double norm = Math.sqrt(Vectors.dot(x, i * d, x, i * d, d));
            if (norm > 0) {
                for (int a = 0; a < d; a++) {
                    x[i * d + a] /= norm; // division, not a reciprocal: 1 / norm overflows for subnormal norms
                }
            }
        }
        return copy;
    }
}
