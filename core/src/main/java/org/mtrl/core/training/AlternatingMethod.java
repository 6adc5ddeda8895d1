package org.mtrl.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;

/**
 * The paper's multi-task alternating gradient method on a chosen set of tasks: each round, a head step
 * for every task on fresh samples, then one representation step along the task-averaged gradient.
 * Heads first: with the heads fitted, the representation step becomes the pseudo-contrastive update.
 *
 * <p>The same rounds with {@link Order#SIMULTANEOUS} are the joint-gradient ablation: both gradients
 * are taken at the round's starting parameters, each on its step's fresh samples as in the paper's
 * method, and both steps are the same updates; only the order differs.
 */
public final class AlternatingMethod {

    /** When the representation gradient of a round is taken. */
    public enum Order {
        /** After the head step: the paper's method. */
        HEADS_FIRST,
        /** At the same parameters as the head gradient, before either step: the joint-gradient ablation. */
        SIMULTANEOUS
    }

    private final AlternatingSchedule schedule;
    private final Order order;

    /** The paper's method (heads first). */
    public AlternatingMethod(AlternatingSchedule schedule) {
        this(schedule, Order.HEADS_FIRST);
    }

    public AlternatingMethod(AlternatingSchedule schedule, Order order) {
        this.schedule = schedule;
        this.order = order;
    }

    /** Trains {@code tasks} (indices into the problem's tasks) in place. */
    public TrainingResult train(Model model, TrainingContext context, int[] tasks) {
        GradientEngine engine = new GradientEngine(model, context);
        List<RoundStats> history = new ArrayList<>();
        for (int round = 1; round <= schedule.rounds(); round++) {
            Map<String, Double> stats = new LinkedHashMap<>();

            context.progress().phaseStarted("head step, round " + round);
            HeadGradients heads = engine.headGradients(tasks, new SamplePlan("head", sampleRound(round),
                    schedule.headSamples()));
            stats.put("head-loss", heads.meanLoss());
            SharedGradient shared = order == Order.SIMULTANEOUS
                    ? representationGradient(engine, context, tasks, round) : null;
            stepHeads(model, heads);
            if (order == Order.HEADS_FIRST) {
                shared = representationGradient(engine, context, tasks, round);
            }
            if (shared != null) {
                stepRepresentation(model, shared);
                stats.put("rep-loss", shared.meanLoss());
                stats.put("first-layer-gradient-norm", norm(shared.firstLayer()));
            }
            stats.put("first-layer-norm", model.firstLayer().frobeniusNorm());
            TrainingDivergence.check(round, stats, model);
            RoundStats roundStats = new RoundStats(round, stats);
            history.add(roundStats);
            context.progress().roundFinished(round, schedule.rounds(), roundStats.values());
        }
        List<Integer> trained = new ArrayList<>();
        for (int t : tasks) {
            trained.add(t);
        }
        return new TrainingResult(history, trained);
    }

    /** The task-averaged representation gradient on the round's samples, or null when it does not learn. */
    private SharedGradient representationGradient(GradientEngine engine, TrainingContext context, int[] tasks,
                                                  int round) {
        if (!schedule.learnRepresentation()) {
            return null;
        }
        context.progress().phaseStarted("representation step, round " + round);
        return engine.sharedGradient(tasks, new SamplePlan("rep", sampleRound(round), schedule.repSamples()),
                schedule.trainBias());
    }

    /** The round whose samples a step uses: 0 for every round with fixed sampling (one training set). */
    private int sampleRound(int round) {
        return schedule.fixedSampling() ? 0 : round;
    }

    /** a_t <- (1 - eta_a lambda_a) a_t - eta_a grad_a L_t for every task of the gradients. */
    private void stepHeads(Model model, HeadGradients heads) {
        int m = model.width();
        for (int i = 0; i < heads.tasks().length; i++) {
            ParameterUpdate.apply(model.heads().data(), heads.tasks()[i] * m, heads.gradients()[i],
                    schedule.headStep(), schedule.headDecay());
        }
    }

    /** W <- (1 - eta_w lambda_w) W - eta_w g, and b likewise when the biases train. */
    private void stepRepresentation(Model model, SharedGradient shared) {
        ParameterUpdate.apply(model.firstLayer().data(), 0, shared.firstLayer(), schedule.repStep(),
                schedule.repDecay());
        if (schedule.trainBias()) {
            ParameterUpdate.apply(model.bias(), 0, shared.bias(), schedule.repStep(), schedule.repDecay());
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The indices 0..count-1. */
    public static int[] allTasks(int count) {
        int[] tasks = new int[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = i;
        }
        return tasks;
    }
}
