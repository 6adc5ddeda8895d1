package org.mtrl.api.training;

import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;

/**
 * The parameters of the multi-task alternating method, as configuration sees them.
 */
public record AlternatingParameters(
        @Param(value = "K, the number of rounds (head step, then representation step)", defaultValue = "1", min = 1)
        int rounds,
        @ParamGroup("the head step")
        HeadStepParameters head,
        @Param(value = "n2, fresh samples per task in each representation step", defaultValue = "2000", min = 1)
        int repSamples,
        @Param(value = "eta_w, the representation step size", defaultValue = "1", min = 0, minExclusive = true)
        double repStep,
        @Param(value = "lambda_w, the representation weight decay; null means 1/repStep (W forgets its init)",
                defaultValue = "null", min = 0)
        Double repDecay,
        @Param(value = "whether the representation step also updates the first-layer biases", defaultValue = "false")
        boolean trainBias,
        @Param(value = "fresh: new samples every step; fixed: one training set per task, reused every round",
                defaultValue = "fresh", allowed = {"fresh", "fixed"})
        String sampling) {

    /** The schedule these parameters describe. */
    public AlternatingSchedule schedule() {
        double decay = repDecay == null ? 1 / repStep : repDecay;
        return new AlternatingSchedule(rounds, head.headSamples(), head.headStep(), head.headDecay(), repSamples,
                repStep, decay, trainBias, "fixed".equals(sampling), true);
    }
}
