package org.mtrl.plugins.baselines;

import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.api.training.AlternatingSchedule;
import org.mtrl.api.training.HeadStepParameters;

/** Parameters of the baselines that keep the first layer fixed and only train the heads. */
record HeadTraining(
        @Param(value = "K, the number of head steps", defaultValue = "1", min = 1)
        int rounds,
        @ParamGroup("the head step")
        HeadStepParameters head,
        @Param(value = "fresh or fixed samples", defaultValue = "fresh", allowed = {"fresh", "fixed"})
        String sampling) {

    AlternatingSchedule schedule() {
        return new AlternatingSchedule(rounds, head.headSamples(), head.headStep(), head.headDecay(), 1, 1, 0, false,
                "fixed".equals(sampling), false);
    }
}
