package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.core.testing.ArrayModel;

class TrainingDivergenceTest {

    /** A 2-unit model on d = 3 with one head, all zero. */
    private static Model model() {
        return new ArrayModel(Matrix.zeros(2, 3), new double[2], Matrix.zeros(1, 2)) {
            @Override
            public Loss loss() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void features(double[] x, int n, double[] out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Model withFirstLayer(Matrix firstLayer, double[] bias) {
                throw new UnsupportedOperationException();
            }

            @Override
            public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aStatisticGrowingPastTheLimitTimesItsStartIsDivergence() {
        Model model = model();
        TrainingDivergence.watch(model, 100);
        try {
            TrainingDivergence.check(1, Map.of("loss", 0.5), model);
            // the start counts as at least 1: 0.5 may grow to 100, not to 100.5
            assertDoesNotThrow(() -> TrainingDivergence.check(2, Map.of("loss", 100.0), model));
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> TrainingDivergence.check(3, Map.of("loss", 100.5), model));
            assertTrue(e.getMessage().startsWith("diverged at round 3 (loss=100.5 is over divergenceGrowth=100 times "
                    + "its start 0.5000;"), e.getMessage());
        } finally {
            TrainingDivergence.release(model);
        }
    }

    @Test
    void weightNormsAreMeasuredAgainstTheModelAsWatched() {
        Model model = model();
        model.firstLayer().data()[0] = 4; // |W| = 4 at the start
        TrainingDivergence.watch(model, 10);
        try {
            model.firstLayer().data()[0] = 40;
            assertDoesNotThrow(() -> TrainingDivergence.check(1, Map.of(), model));
            model.firstLayer().data()[0] = 41;
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> TrainingDivergence.check(2, Map.of(), model));
            assertTrue(e.getMessage().contains("|W|=41.00 is over divergenceGrowth=10.0 times its start 4.000"), e.getMessage());
        } finally {
            TrainingDivergence.release(model);
        }
    }

    @Test
    void anUnwatchedModelFailsOnlyOnNonFiniteOrExplodedValues() {
        Model model = model();
        assertDoesNotThrow(() -> TrainingDivergence.check(1, Map.of("loss", 1.0), model));
        assertDoesNotThrow(() -> TrainingDivergence.check(2, Map.of("loss", 1e100), model));
        assertThrows(TrainingDivergedException.class, () -> TrainingDivergence.check(3, Map.of("loss", Double.NaN), model));
    }
}
