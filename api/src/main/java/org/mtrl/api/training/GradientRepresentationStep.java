package org.mtrl.api.training;

import org.mtrl.api.model.Model;

/**
 * The paper's representation step: W &lt;- (1 - step * decay) W - step * g along the task-averaged
 * gradient g on {@code samples} fresh samples per task (stream purpose {@code rep}), and b likewise
 * when {@code trainBias}. Adds {@code rep-loss} (the mean task loss before the step) and
 * {@code first-layer-gradient-norm} (the Frobenius norm of g).
 *
 * @param samples   n2, samples per task
 * @param step      eta_w
 * @param decay     lambda_w
 * @param trainBias whether the biases train too
 */
public record GradientRepresentationStep(int samples, double step, double decay, boolean trainBias)
        implements RepresentationStep {

    @Override
    public PendingUpdate prepare(Round round) {
        SharedGradient shared = round.gradients().sharedGradient(round.tasks(), round.plan("rep", samples), trainBias);
        round.stats().put("rep-loss", shared.meanLoss());
        round.stats().put("first-layer-gradient-norm", norm(shared.firstLayer()));
        Model model = round.model();
        return () -> {
            ParameterUpdate.apply(model.firstLayer().data(), 0, shared.firstLayer(), step, decay);
            if (trainBias) {
                ParameterUpdate.apply(model.bias(), 0, shared.bias(), step, decay);
            }
        };
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
