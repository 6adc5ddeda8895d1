package org.mtrl.api.training;

import org.mtrl.api.model.Model;

/**
 * The paper's head step: for every task, a_t &lt;- (1 - step * decay) a_t - step * grad_{a_t} L_t, on
 * {@code samples} fresh samples per task (stream purpose {@code head}). Adds {@code head-loss}, the
 * mean over tasks of L_t before the step.
 *
 * @param samples n1, samples per task
 * @param step    eta_a
 * @param decay   lambda_a
 */
public record GradientHeadStep(int samples, double step, double decay) implements HeadStep {

    @Override
    public PendingUpdate prepare(Round round) {
        HeadGradients heads = round.gradients().headGradients(round.tasks(), round.plan("head", samples));
        round.stats().put("head-loss", heads.meanLoss());
        Model model = round.model();
        return () -> {
            int m = model.width();
            for (int i = 0; i < heads.tasks().length; i++) {
                ParameterUpdate.apply(model.heads().data(), heads.tasks()[i] * m, heads.gradients()[i], step, decay);
            }
        };
    }
}
