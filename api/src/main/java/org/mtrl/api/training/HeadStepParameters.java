package org.mtrl.api.training;

import org.mtrl.api.plugin.Param;

/**
 * The parameters of a head step, as configuration sees them: shared, through
 * {@link org.mtrl.api.plugin.ParamGroup}, by every method that fits heads with it (the alternating
 * method and the baselines that keep the first layer fixed).
 */
public record HeadStepParameters(
        @Param(value = "n1, fresh samples per task in each head step", defaultValue = "2000", min = 1)
        int headSamples,
        @Param(value = "eta_a, the head step size", defaultValue = "1", min = 0, minExclusive = true)
        double headStep,
        @Param(value = "lambda_a, the head weight decay", defaultValue = "0", min = 0)
        double headDecay) {
}
