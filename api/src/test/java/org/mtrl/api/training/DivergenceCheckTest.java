package org.mtrl.api.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.model.Model;

class DivergenceCheckTest {

    /** A 2-unit model on d = 3 with one head, all zero. */
    private static Model model() {
        return new ParametersModel(1, 2, 3);
    }

    @Test
    void aStatisticGrowingPastTheLimitTimesItsStartIsDivergence() {
        DivergenceCheck check = new DivergenceCheck(model(), 100);
        check.check(1, Map.of("loss", 0.5));
        // the start counts as at least 1: 0.5 may grow to 100, not to 100.5
        assertDoesNotThrow(() -> check.check(2, Map.of("loss", 100.0)));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> check.check(3, Map.of("loss", 100.5)));
        assertTrue(e.getMessage().startsWith("diverged at round 3 (loss=100.5 is over divergenceGrowth=100 times "
                + "its start 0.5000;"), e.getMessage());
    }

    @Test
    void aLargeStartAllowsProportionallyMoreGrowth() {
        DivergenceCheck check = new DivergenceCheck(model(), 10);
        check.check(1, Map.of("loss", -50.0));
        assertDoesNotThrow(() -> check.check(2, Map.of("loss", -500.0)));
        assertThrows(TrainingDivergedException.class, () -> check.check(3, Map.of("loss", -501.0)));
    }

    @Test
    void weightNormsAreMeasuredAgainstTheModelAtCreation() {
        Model model = model();
        model.firstLayer().data()[0] = 4; // |W| = 4 at the start
        DivergenceCheck check = new DivergenceCheck(model, 10);
        model.firstLayer().data()[0] = 40;
        assertDoesNotThrow(() -> check.check(1, Map.of()));
        model.firstLayer().data()[0] = 41;
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> check.check(2, Map.of()));
        assertTrue(e.getMessage().contains("|W|=41.00 is over divergenceGrowth=10.0 times its start 4.000"), e.getMessage());
    }

    @Test
    void theHeadsNormIsWatchedToo() {
        Model model = model();
        DivergenceCheck check = new DivergenceCheck(model, 10);
        model.heads().data()[1] = -11;
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> check.check(1, Map.of()));
        assertTrue(e.getMessage().contains("|heads|=11.00 is over"), e.getMessage());
    }

    @Test
    void withoutAGrowthLimitOnlyNonFiniteOrExplodedValuesDiverge() {
        Model model = model();
        DivergenceCheck check = new DivergenceCheck(model, Double.POSITIVE_INFINITY);
        assertDoesNotThrow(() -> check.check(1, Map.of("loss", 1.0)));
        assertDoesNotThrow(() -> check.check(2, Map.of("loss", 1e100)));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> check.check(3, Map.of("loss", Double.NaN)));
        assertEquals("diverged at round 3 ({loss=NaN}, |W|=0.000, |heads|=0.000): reduce repStep/headStep",
                e.getMessage());
        model.firstLayer().data()[2] = DivergenceCheck.EXPLODED_NORM;
        assertThrows(TrainingDivergedException.class, () -> check.check(4, Map.of("loss", 1.0)));
        model.firstLayer().data()[2] = 0;
        model.heads().data()[0] = DivergenceCheck.EXPLODED_NORM;
        assertThrows(TrainingDivergedException.class, () -> check.check(5, Map.of("loss", 1.0)));
        model.heads().data()[0] = Math.nextDown(DivergenceCheck.EXPLODED_NORM);
        assertDoesNotThrow(() -> check.check(6, Map.of("loss", 1.0)));
    }
}
