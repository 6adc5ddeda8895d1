package org.mtrl.plugins.relu;

import org.mtrl.api.plugin.Param;

/**
 * Parameters of the {@code two-layer-relu} architecture.
 *
 * @param width      m, the number of hidden units
 * @param weightInit how the rows of W are drawn
 * @param biasScale  standard deviation of the initial biases
 * @param headInit   standard deviation of the initial head entries (0: heads start at zero)
 * @param loss       the training loss
 */
public record TwoLayerReluParams(
        @Param(value = "Number of hidden units m", defaultValue = "200", min = 1)
        int width,
        @Param(value = "Rows of W: gaussian ~ N(0, I_d/d), unit-sphere ~ uniform on the unit sphere",
                defaultValue = "gaussian", allowed = {"gaussian", "unit-sphere"})
        String weightInit,
        @Param(value = "Standard deviation of the initial biases b_j ~ N(0, biasScale^2)", defaultValue = "1", min = 0)
        double biasScale,
        @Param(value = "Standard deviation of the initial head entries a_tj ~ N(0, headInit^2); 0 starts heads at zero",
                defaultValue = "0", min = 0)
        double headInit,
        @Param(value = "Training loss", defaultValue = "logistic", allowed = {"logistic", "hinge", "squared"})
        String loss) {
}
