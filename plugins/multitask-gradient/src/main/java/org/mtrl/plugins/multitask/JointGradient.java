package org.mtrl.plugins.multitask;

import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.AlternatingParameters;

/**
 * The ablation of the head-first order: the alternating method's rounds, with the same parameters,
 * defaults, samples and updates, but the representation gradient taken at the round's starting heads
 * instead of after the head step. From heads at zero the first layer gets no gradient at all (the
 * paper's point); from small random heads it is an open comparison.
 */
final class JointGradient implements Optimizer {

    record Parameters(
            @Param(value = "standard deviation of the heads drawn at the start; 0 keeps the model's heads",
                    defaultValue = "0", min = 0)
            double headInit,
            @ParamGroup("the alternating method's schedule; only the order of the steps differs")
            AlternatingParameters schedule) {
    }

    private final Parameters p;

    JointGradient(Parameters parameters) {
        this.p = parameters;
    }

    @Override
    public TrainingResult train(Model model, TrainingContext context) {
        drawHeads(model, context.streams().stream("head-init"));
        return new AlternatingMethod(p.schedule().schedule(), AlternatingMethod.Order.SIMULTANEOUS)
                .train(model, context, AlternatingMethod.allTasks(context.problem().taskCount()));
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
}
