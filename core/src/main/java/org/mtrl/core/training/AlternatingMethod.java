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
 */
public final class AlternatingMethod {
    private final AlternatingSchedule schedule;

    public AlternatingMethod(AlternatingSchedule schedule) {
        this.schedule = schedule;
    }

    /** Trains {@code tasks} (indices into the problem's tasks) in place. */
    public TrainingResult train(Model model, TrainingContext context, int[] tasks) {
        GradientEngine engine = new GradientEngine(model, context);
        List<RoundStats> history = new ArrayList<>();
        int m = model.width();
        for (int round = 1; round <= schedule.rounds(); round++) {
            int sampleRound = schedule.fixedSampling() ? 0 : round;
            Map<String, Double> stats = new LinkedHashMap<>();

            context.progress().phaseStarted("head step, round " + round);
            HeadGradients heads = engine.headGradients(tasks, new SamplePlan("head", sampleRound, schedule.headSamples()));
            for (int i = 0; i < tasks.length; i++) {
                ParameterUpdate.apply(model.heads().data(), tasks[i] * m, heads.gradients()[i],
                        schedule.headStep(), schedule.headDecay());
            }
            stats.put("head-loss", heads.meanLoss());

            if (schedule.learnRepresentation()) {
                context.progress().phaseStarted("representation step, round " + round);
                SharedGradient shared = engine.sharedGradient(tasks,
                        new SamplePlan("rep", sampleRound, schedule.repSamples()), schedule.trainBias());
                ParameterUpdate.apply(model.firstLayer().data(), 0, shared.firstLayer(), schedule.repStep(),
                        schedule.repDecay());
                if (schedule.trainBias()) {
                    ParameterUpdate.apply(model.bias(), 0, shared.bias(), schedule.repStep(), schedule.repDecay());
                }
                stats.put("rep-loss", shared.meanLoss());
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

    /** The indices 0..count-1. */
    public static int[] allTasks(int count) {
        int[] tasks = new int[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = i;
        }
        return tasks;
    }
}
