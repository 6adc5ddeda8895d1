package org.mtrl.plugins.baselines;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.Param;
import org.mtrl.core.training.AlternatingMethod;
import org.mtrl.core.training.AlternatingParameters;

/**
 * The alternating method on one task with the sample budget of the multi-task run it is compared
 * with: per step, budgetTasks times the per-task samples. It learns one direction of M, not r.
 */
final class SingleTask implements Optimizer {

    record Parameters(
            @Param(value = "index of the pretraining task to train", defaultValue = "0", min = 0)
            int task,
            @Param(value = "the budget is this many tasks' samples; 0 means tasks.count (equal total budget)",
                    defaultValue = "0", min = 0)
            int budgetTasks,
            @Param(value = "K, the number of rounds", defaultValue = "1", min = 1)
            int rounds,
            @Param(value = "n1 per task of the compared multi-task run (the head step uses budgetTasks * n1)",
                    defaultValue = "2000", min = 1)
            int headSamples,
            @Param(value = "eta_a, the head step size", defaultValue = "1", min = 0, minExclusive = true)
            double headStep,
            @Param(value = "lambda_a, the head weight decay", defaultValue = "0", min = 0)
            double headDecay,
            @Param(value = "n2 per task of the compared multi-task run (the representation step uses budgetTasks * n2)",
                    defaultValue = "2000", min = 1)
            int repSamples,
            @Param(value = "eta_w, the representation step size", defaultValue = "1", min = 0, minExclusive = true)
            double repStep,
            @Param(value = "lambda_w; null means 1/repStep", defaultValue = "null", min = 0)
            Double repDecay,
            @Param(value = "whether the representation step also updates the biases", defaultValue = "false")
            boolean trainBias,
            @Param(value = "fresh or fixed samples", defaultValue = "fresh", allowed = {"fresh", "fixed"})
            String sampling) {

        AlternatingParameters schedule() {
            return new AlternatingParameters(rounds, headSamples, headStep, headDecay, repSamples, repStep, repDecay,
                    trainBias, sampling);
        }
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
