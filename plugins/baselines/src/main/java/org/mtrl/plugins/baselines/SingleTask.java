package org.mtrl.plugins.baselines;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.AlternatingParameters;

/**
 * The alternating method on one task with the sample budget of the multi-task run it is compared
 * with: per step, budgetTasks times the per-task samples. It learns one direction of M, not r.
 */
final class SingleTask implements Optimizer {

    record Parameters(
            @Param(value = "index of the pretraining task to train", defaultValue = "0", min = 0)
            int task,
            @Param(value = "the budget is this many tasks' samples (each step uses budgetTasks * headSamples and "
                    + "budgetTasks * repSamples); 0 means tasks.count, the compared multi-task run's total",
                    defaultValue = "0", min = 0)
            int budgetTasks,
            @ParamGroup("the alternating method's schedule, samples per task of the compared multi-task run")
            AlternatingParameters schedule) {
    }

    private final Parameters p;

    SingleTask(Parameters parameters) {
        this.p = parameters;
    }

    @Override
    public void check(Problem problem) {
        int count = problem.taskCount();
        if (p.task() >= count) {
            throw new IllegalArgumentException("task=" + p.task() + " is not a task index: there are tasks.count="
                    + count + " tasks (indices 0.." + (count - 1) + ")");
        }
    }

    @Override
    public TrainingResult train(Model model, TrainingContext context) {
        check(context.problem());
        int count = context.problem().taskCount();
        int budget = p.budgetTasks() == 0 ? count : p.budgetTasks();
        AlternatingMethod method = new AlternatingMethod(p.schedule().schedule().withSamplesTimes(budget));
        return method.train(model, context, new int[] {p.task()});
    }
}
