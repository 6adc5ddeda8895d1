package org.mtrl.testkit;

import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.training.GradientService;
import org.mtrl.api.training.Gradients;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;

/**
 * The kit's {@link GradientService}, written plainly: each (task, chunk) of a {@link SamplePlan} is one
 * unit of work on the context's workers, drawing its samples from the stream
 * {@code (purpose, round, task, chunk)} through the problem's sample source (so {@link KitProblem}
 * counts them), and the units' gradients are summed in index order: the same bits on any number of
 * threads. It keeps the contract of mtrl's own service, not its numbers.
 */
public final class KitGradients implements Gradients {
    /** The service {@link KitProblem#trainingContext} supplies. */
    public static final GradientService SERVICE = KitGradients::new;

    private final Model model;
    private final TrainingContext context;

    private KitGradients(Model model, TrainingContext context) {
        this.model = model;
        this.context = context;
    }

    @Override
    public HeadGradients headGradients(int[] tasks, SamplePlan plan) {
        Unit[] units = compute(tasks, plan, EnumSet.of(GradientPart.HEAD));
        double[][] gradients = new double[tasks.length][model.width()];
        double[] losses = new double[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            for (int c = 0; c < plan.chunks(); c++) {
                Unit unit = units[i * plan.chunks() + c];
                add(gradients[i], unit.head, 1);
                losses[i] += unit.loss / plan.samples();
            }
        }
        return new HeadGradients(tasks.clone(), gradients, losses);
    }

    @Override
    public SharedGradient sharedGradient(int[] tasks, SamplePlan plan, boolean withBias) {
        Set<GradientPart> parts = withBias ? EnumSet.of(GradientPart.FIRST_LAYER, GradientPart.BIAS)
                : EnumSet.of(GradientPart.FIRST_LAYER);
        Unit[] units = compute(tasks, plan, parts);
        double[] firstLayer = new double[model.width() * model.inputDim()];
        double[] bias = withBias ? new double[model.width()] : null;
        double loss = 0;
        for (Unit unit : units) { // in index order: task by task, chunk by chunk
            add(firstLayer, unit.firstLayer, 1.0 / tasks.length);
            if (withBias) {
                add(bias, unit.bias, 1.0 / tasks.length);
            }
            loss += unit.loss / plan.samples() / tasks.length;
        }
        return new SharedGradient(firstLayer, bias, loss);
    }

    /** Every (task, chunk) unit's gradient of the mean loss over the task's samples. */
    private Unit[] compute(int[] tasks, SamplePlan plan, Set<GradientPart> parts) {
        Problem problem = context.problem();
        int chunks = plan.chunks();
        Unit[] units = new Unit[tasks.length * chunks];
        context.workers().forEach(units.length, u -> {
            int task = tasks[u / chunks];
            int chunk = u % chunks;
            int n = plan.chunkSize(chunk);
            Batch batch = new Batch(model.inputDim(), problem.groundTruth().rank(), n);
            problem.samples().draw(problem.tasks().get(task), context.streams().stream(plan.purpose(), plan.round(),
                    task, chunk), batch, n);
            GradientAccumulator accumulator = model.newAccumulator(parts);
            double loss = accumulator.add(task, batch, 1.0 / plan.samples());
            units[u] = new Unit(loss,
                    parts.contains(GradientPart.HEAD) ? accumulator.head().clone() : null,
                    parts.contains(GradientPart.FIRST_LAYER) ? accumulator.firstLayer().clone() : null,
                    parts.contains(GradientPart.BIAS) ? accumulator.bias().clone() : null);
        });
        return units;
    }

    private static void add(double[] sum, double[] values, double scale) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += scale * values[i];
        }
    }

    private record Unit(double loss, double[] head, double[] firstLayer, double[] bias) {
    }
}
