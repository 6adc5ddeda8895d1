package org.mtrl.plugins.multitask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.training.AlternatingMethod;
import org.mtrl.core.training.GradientEngine;
import org.mtrl.core.training.HeadGradients;
import org.mtrl.core.training.ParameterUpdate;
import org.mtrl.core.training.SamplePlan;
import org.mtrl.core.training.SharedGradient;
import org.mtrl.core.training.TrainingDivergence;

/**
 * The ablation of the head-first order: heads and first layer take their gradient steps together,
 * both computed at the same parameters on the same samples. From heads at zero the first layer gets
 * no gradient at all (the paper's point); from small random heads it is an open comparison.
 */
final class JointGradient implements Optimizer {

    record Parameters(
            @Param(value = "number of simultaneous steps", defaultValue = "1", min = 1)
            int steps,
            @Param(value = "fresh samples per task in each step", defaultValue = "2000", min = 1)
            int samples,
            @Param(value = "standard deviation of the heads drawn at the start; 0 keeps them at zero",
                    defaultValue = "0", min = 0)
            double headInit,
            @Param(value = "eta_a, the head step size", defaultValue = "1", min = 0, minExclusive = true)
            double headStep,
            @Param(value = "lambda_a, the head weight decay", defaultValue = "0", min = 0)
            double headDecay,
            @Param(value = "eta_w, the first-layer step size", defaultValue = "1", min = 0, minExclusive = true)
            double repStep,
            @Param(value = "lambda_w, the first-layer weight decay", defaultValue = "0", min = 0)
            double repDecay,
            @Param(value = "whether the biases are updated too", defaultValue = "false")
            boolean trainBias) {
    }

    private final Parameters p;

    JointGradient(Parameters parameters) {
        this.p = parameters;
    }

    @Override
    public TrainingResult train(Model model, TrainingContext context) {
        int tasks = context.problem().taskCount();
        int m = model.width();
        drawHeads(model, context.streams().stream("head-init"));
        int[] all = AlternatingMethod.allTasks(tasks);
        GradientEngine engine = new GradientEngine(model, context);
        List<RoundStats> history = new ArrayList<>();
        for (int step = 1; step <= p.steps(); step++) {
            SamplePlan plan = new SamplePlan("joint", step, p.samples());
            HeadGradients heads = engine.headGradients(all, plan);
            SharedGradient shared = engine.sharedGradient(all, plan, p.trainBias());
            for (int t = 0; t < tasks; t++) {
                ParameterUpdate.apply(model.heads().data(), t * m, heads.gradients()[t], p.headStep(), p.headDecay());
            }
            ParameterUpdate.apply(model.firstLayer().data(), 0, shared.firstLayer(), p.repStep(), p.repDecay());
            if (p.trainBias()) {
                ParameterUpdate.apply(model.bias(), 0, shared.bias(), p.repStep(), p.repDecay());
            }
            Map<String, Double> stats = new LinkedHashMap<>();
            stats.put("loss", heads.meanLoss());
            stats.put("first-layer-gradient-norm", norm(shared.firstLayer()));
            stats.put("first-layer-norm", model.firstLayer().frobeniusNorm());
            TrainingDivergence.check(step, stats, model);
            RoundStats roundStats = new RoundStats(step, stats);
            history.add(roundStats);
            context.progress().roundFinished(step, p.steps(), roundStats.values());
        }
        List<Integer> trained = new ArrayList<>();
        for (int t : all) {
            trained.add(t);
        }
        return new TrainingResult(history, trained);
    }

    private void drawHeads(Model model, RandomStream rng) {
        if (p.headInit() == 0) {
            return;
        }
        double[] a = model.heads().data();
        rng.nextGaussians(a, 0, a.length);
        for (int i = 0; i < a.length; i++) {
            a[i] *= p.headInit();
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
