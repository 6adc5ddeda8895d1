package org.mtrl.api.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;

/**
 * The paper's multi-task alternating method on a chosen set of tasks: each round, a {@link HeadStep}
 * for every task on fresh samples, then one {@link RepresentationStep} from the task-averaged gradient.
 * Heads first: with the heads fitted, the representation step becomes the pseudo-contrastive update.
 * Each step can be replaced on its own ({@link #withHeadStep}, {@link #withRepresentationStep}); the
 * rounds, sampling, statistics, divergence check and progress stay the method's.
 *
 * <p>The same rounds with {@link Order#SIMULTANEOUS} are the joint-gradient ablation: both steps are
 * computed at the round's starting parameters, each on its own fresh samples as in the paper's method,
 * and both are the same updates; only the order differs.
 */
public final class AlternatingMethod {

    /** When the representation step of a round is computed. */
    public enum Order {
        /** After the head step was applied: the paper's method. */
        HEADS_FIRST,
        /** At the same parameters as the head step, before either is applied: the joint-gradient ablation. */
        SIMULTANEOUS
    }

    private final int rounds;
    private final boolean fixedSampling;
    private final HeadStep headStep;
    /** Null when the representation does not learn (only the heads train). */
    private final RepresentationStep representationStep;
    private final Order order;

    /** The paper's method (heads first) with the gradient steps of {@code schedule}. */
    public AlternatingMethod(AlternatingSchedule schedule) {
        this(schedule, Order.HEADS_FIRST);
    }

    /** The gradient steps of {@code schedule}, in {@code order}. */
    public AlternatingMethod(AlternatingSchedule schedule, Order order) {
        this(schedule.rounds(), schedule.fixedSampling(),
                new GradientHeadStep(schedule.headSamples(), schedule.headStep(), schedule.headDecay()),
                schedule.learnRepresentation() ? new GradientRepresentationStep(schedule.repSamples(),
                        schedule.repStep(), schedule.repDecay(), schedule.trainBias()) : null,
                order);
    }

    private AlternatingMethod(int rounds, boolean fixedSampling, HeadStep headStep,
                              RepresentationStep representationStep, Order order) {
        this.rounds = rounds;
        this.fixedSampling = fixedSampling;
        this.headStep = headStep;
        this.representationStep = representationStep;
        this.order = order;
    }

    /** The same method with {@code step} fitting the heads. */
    public AlternatingMethod withHeadStep(HeadStep step) {
        return new AlternatingMethod(rounds, fixedSampling, step, representationStep, order);
    }

    /** The same method with {@code step} updating the shared layer (also when the schedule had none). */
    public AlternatingMethod withRepresentationStep(RepresentationStep step) {
        return new AlternatingMethod(rounds, fixedSampling, headStep, step, order);
    }

    /** Trains {@code tasks} (indices into the problem's tasks) in place. */
    public TrainingResult train(Model model, TrainingContext context, int[] tasks) {
        Gradients gradients = context.gradients(model);
        List<RoundStats> history = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> stats = new LinkedHashMap<>();
            Round step = new Round(round, fixedSampling ? 0 : round, tasks, model, gradients, context, stats);

            context.progress().phaseStarted("head step, round " + round);
            PendingUpdate heads = headStep.prepare(step);
            PendingUpdate shared = order == Order.SIMULTANEOUS ? prepareRepresentation(step) : PendingUpdate.NONE;
            heads.apply();
            if (order == Order.HEADS_FIRST) {
                shared = prepareRepresentation(step);
            }
            shared.apply();
            stats.put("first-layer-norm", model.firstLayer().frobeniusNorm());
            context.divergence().check(round, stats);
            RoundStats roundStats = new RoundStats(round, stats);
            history.add(roundStats);
            context.progress().roundFinished(round, rounds, roundStats.values());
        }
        List<Integer> trained = new ArrayList<>();
        for (int t : tasks) {
            trained.add(t);
        }
        return new TrainingResult(history, trained);
    }

    private PendingUpdate prepareRepresentation(Round step) {
        if (representationStep == null) {
            return PendingUpdate.NONE;
        }
        step.context().progress().phaseStarted("representation step, round " + step.number());
        return representationStep.prepare(step);
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
