package org.mtrl.plugins.baselines;

import org.mtrl.api.plugin.Param;
import org.mtrl.core.training.AlternatingSchedule;

/** Parameters of the baselines that keep the first layer fixed and only train the heads. */
record HeadTraining(
        @Param(value = "K, the number of head steps", defaultValue = "1", min = 1)
        int rounds,
        @Param(value = "n1, fresh samples per task in each head step", defaultValue = "2000", min = 1)
        int headSamples,
        @Param(value = "eta_a, the head step size", defaultValue = "1", min = 0, minExclusive = true)
        double headStep,
        @Param(value = "lambda_a, the head weight decay", defaultValue = "0", min = 0)
        double headDecay,
        @Param(value = "fresh or fixed samples", defaultValue = "fresh", allowed = {"fresh", "fixed"})
        String sampling) {

    AlternatingSchedule schedule() {
        return new AlternatingSchedule(rounds, headSamples, headStep, headDecay, 1, 1, 0, false,
                "fixed".equals(sampling), false);
    }
}
