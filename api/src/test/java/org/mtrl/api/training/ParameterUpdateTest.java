package org.mtrl.api.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ParameterUpdateTest {

    @Test
    void stepsFromTheOffsetWithDecayAndLeavesTheRestAlone() {
        double[] p = {9, 1, -2, 4};
        ParameterUpdate.apply(p, 1, new double[] {0.5, -1}, 0.2, 0.5);
        // keep = 1 - 0.2 * 0.5 = 0.9
        assertArrayEquals(new double[] {9, 0.9 - 0.1, -1.8 + 0.2, 4}, p, 1e-15);
    }

    @Test
    void stepTimesDecayOfOneForgetsTheOldValuesExactly() {
        double[] p = {1e300, Double.MAX_VALUE, 3};
        ParameterUpdate.apply(p, 0, new double[] {1, -2, 0}, 4, 0.25);
        assertArrayEquals(new double[] {-4, 8, 0}, p, 0.0);
    }

    @Test
    void noDecayIsPlainGradientDescent() {
        double[] p = {1, 2};
        ParameterUpdate.apply(p, 0, new double[] {3, -4}, 0.5, 0);
        assertArrayEquals(new double[] {-0.5, 4}, p, 0.0);
    }
}
