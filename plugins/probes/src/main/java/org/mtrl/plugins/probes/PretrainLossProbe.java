package org.mtrl.plugins.probes;

import java.util.List;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.sampling.ModelSamples;

/**
 * How well pretraining fits its own tasks, two ways, on {@code samples} fresh samples of each task t in
 * {@code context.training().trainedTasks()} (stream {@code samples/t}):
 * <ul>
 *   <li>{@code loss} and {@code accuracy}: the trained heads as they are, f_t(x) = &lt;a_t,
 *   model.features(x)&gt; (mean of the model's training loss; fraction with sign(f) = y, a tie f = 0
 *   scoring 1/2, see {@link Margins}), averaged over all samples of all trained tasks. A method whose
 *   last step changed W after the heads were fitted (the alternating method's representation step)
 *   leaves these heads stale: after the paper's single round, which replaces W, they score chance.</li>
 *   <li>{@code refit-accuracy}: heads with intercept refitted on the frozen features
 *   model.features(x) of {@code refitSamples} samples (stream {@code refit/t}) by the ridge logistic
 *   regression the downstream probe uses, for the first {@code refitTasks} trained tasks, scored on the
 *   same samples: how well the final features serve the pretraining tasks.</li>
 * </ul>
 * Heads at zero give loss l(y, 0) (log 2 for the logistic loss) and accuracy 1/2. When no task was
 * trained the probe reports no metrics (there is nothing to average). Tasks are evaluated in parallel
 * and summed in index order; this relies on {@link Model#features} being safe for concurrent calls, as
 * it is for a model that only reads its parameters.
 */
public final class PretrainLossProbe implements Probe {

    /** Parameters of {@code pretrain-loss}. */
    public record Params(
            @Param(value = "fresh samples per trained task on which the heads are scored", defaultValue = "2000",
                    min = 1) int samples,
            @Param(value = "samples per task on which a head is refitted to the final features",
                    defaultValue = "1000", min = 1) int refitSamples,
            @Param(value = "how many trained tasks (the first ones) get a refitted head", defaultValue = "5",
                    min = 1) int refitTasks,
            @Param(value = "penalty (l2/2)||theta||^2 of a refitted head and its intercept", defaultValue = "0.001",
                    min = 0, minExclusive = true) double l2,
            @Param(value = "Newton iterations at most for a refitted head", defaultValue = "50", min = 1)
            int maxIterations) {
    }

    public static final ComponentFactory<Params, Probe> FACTORY = ComponentFactory.of(ComponentKind.PROBE,
            "pretrain-loss", "loss and accuracy on fresh samples of the pretraining tasks: of the trained heads, "
                    + "and of heads refitted on the final features", Params.class, (p, ctx) -> new PretrainLossProbe(p));

    private final Params params;
    private final RidgeLogisticRegression solver;

    public PretrainLossProbe(Params params) {
        this.params = params;
        this.solver = new RidgeLogisticRegression(params.l2(), params.maxIterations());
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
        int refitted = Math.min(params.refitTasks(), trained.size());
        ModelSamples fed = context.sampling().forModel(model);
        double[][] sums = new double[trained.size()][];
        context.workers().forEach(trained.size(), i -> sums[i] = score(trained.get(i), i < refitted, context, fed));
        double loss = 0;
        double credit = 0;
        double refitCredit = 0;
        for (double[] s : sums) {
            loss += s[0];
            credit += s[1];
            refitCredit += s[2];
        }
        double total = (double) params.samples() * trained.size();
        return List.of(new Metric("loss", loss / total), new Metric("accuracy", credit / total),
                new Metric("refit-accuracy", refitCredit / ((double) params.samples() * refitted)));
    }

    /**
     * Task t's summed loss and accuracy credit of its trained head over its fresh samples, and the credit
     * of a head refitted on the final features (0 unless {@code refit}).
     */
    private double[] score(int t, boolean refit, ProbeContext context, ModelSamples fed) {
        Model model = fed.model();
        Problem problem = context.problem();
        Loss loss = model.loss();
        int m = model.width();
        double[] heads = model.heads().data();
        RidgeLogisticRegression.Fit refitted = refit ? refit(t, context, fed) : null;
        Batch batch = ChunkedSamples.batchFor(fed.groundTruth(), params.samples());
        double[] phi = new double[batch.capacity() * m];
        double[] sums = new double[3];
        ChunkedSamples.draw(fed.samples(), problem.tasks().get(t), context.streams().stream("samples", t),
                batch, params.samples(), (b, offset, count) -> {
                    model.features(b.x(), count, phi);
                    double[] y = b.y();
                    for (int s = 0; s < count; s++) {
                        double f = Vectors.dot(phi, s * m, heads, t * m, m);
                        sums[0] += loss.value(y[s], f);
                        sums[1] += Margins.credit(y[s], f);
                        if (refitted != null) {
                            sums[2] += Margins.credit(y[s], refitted.predict(phi, s * m));
                        }
                    }
                });
        return sums;
    }

    /** A head with intercept fitted on the model's features of task t's refit samples. */
    private RidgeLogisticRegression.Fit refit(int t, ProbeContext context, ModelSamples fed) {
        Model model = fed.model();
        Problem problem = context.problem();
        int n = params.refitSamples();
        int m = model.width();
        Batch batch = ChunkedSamples.batchFor(fed.groundTruth(), n);
        double[] phi = new double[Math.multiplyExact(n, m)];
        double[] y = new double[n];
        double[] chunk = new double[batch.capacity() * m];
        ChunkedSamples.draw(fed.samples(), problem.tasks().get(t), context.streams().stream("refit", t), batch, n,
                (b, offset, count) -> {
                    model.features(b.x(), count, chunk);
                    System.arraycopy(chunk, 0, phi, offset * m, count * m);
                    System.arraycopy(b.y(), 0, y, offset, count);
                });
        return solver.fit(phi, y, n, m);
    }
}
