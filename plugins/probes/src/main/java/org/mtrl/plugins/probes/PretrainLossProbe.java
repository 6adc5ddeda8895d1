package org.mtrl.plugins.probes;

import org.mtrl.core.linalg.Vectors;
import java.util.List;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;

/**
 * How well pretraining fits its own tasks: for each task t in
 * {@code context.training().trainedTasks()}, f_t(x) = &lt;a_t, model.features(x)&gt; on
 * {@code samples} fresh samples (stream {@code samples/t}). Metrics {@code loss} (mean of the
 * model's training loss) and {@code accuracy} (fraction with sign(f) = y, a tie f = 0 scoring 1/2, see
 * {@link Margins}), both averaged over all samples of all trained tasks. Heads at zero give loss
 * l(y, 0) (log 2 for the logistic loss) and accuracy 1/2. When no task was trained the probe
 * reports no metrics (there is nothing to average). Tasks are evaluated in parallel and summed in
 * index order; this relies on {@link Model#features} being safe for concurrent calls, as it is for a
 * model that only reads its parameters.
 */
public final class PretrainLossProbe implements Probe {

    /** Parameters of {@code pretrain-loss}. */
    public record Params(
            @Param(value = "fresh samples per trained task", defaultValue = "2000", min = 1) int samples) {
    }

    public static final ComponentFactory<Params, Probe> FACTORY = ComponentFactory.of(ComponentKind.PROBE,
            "pretrain-loss", "training loss and accuracy of the trained heads on fresh samples of their tasks",
            Params.class, (p, ctx) -> new PretrainLossProbe(p.samples()));

    private final int samples;

    public PretrainLossProbe(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        this.samples = samples;
    }

    @Override
    public List<Metric> measure(ProbeContext context) {
        Model model = context.model();
        Problem problem = context.problem();
        Dense.requireSameDimension(model, problem.groundTruth());
        List<Integer> trained = context.training().trainedTasks();
        for (int t : trained) {
            if (t < 0 || t >= problem.taskCount() || t >= model.taskCount()) {
                throw new IllegalArgumentException("trained task " + t + " is outside the problem's "
                        + problem.taskCount() + " tasks and the model's " + model.taskCount() + " heads");
            }
        }
        if (trained.isEmpty()) {
            return List.of();
        }
        double[][] sums = new double[trained.size()][];
        context.workers().forEach(trained.size(), i -> sums[i] = lossAndCredit(trained.get(i), context));
        double loss = 0;
        double credit = 0;
        for (double[] s : sums) {
            loss += s[0];
            credit += s[1];
        }
        double total = (double) samples * trained.size();
        return List.of(new Metric("loss", loss / total), new Metric("accuracy", credit / total));
    }

    /** The summed loss and accuracy credit of task t's head over its fresh samples. */
    private double[] lossAndCredit(int t, ProbeContext context) {
        Model model = context.model();
        Problem problem = context.problem();
        Subspace truth = problem.groundTruth();
        Loss loss = model.loss();
        int m = model.width();
        double[] heads = model.heads().data();
        Batch batch = ChunkedSamples.batchFor(truth.dim(), truth.rank(), samples);
        double[] phi = new double[batch.capacity() * m];
        double[] sums = new double[2];
        ChunkedSamples.draw(problem.samples(), problem.tasks().get(t), context.streams().stream("samples", t),
                batch, samples, (b, offset, count) -> {
                    model.features(b.x(), count, phi);
                    double[] y = b.y();
                    for (int s = 0; s < count; s++) {
                        double f = Vectors.dot(phi, s * m, heads, t * m, m);
                        sums[0] += loss.value(y[s], f);
                        sums[1] += Margins.credit(y[s], f);
                    }
                });
        return sums;
    }
}
