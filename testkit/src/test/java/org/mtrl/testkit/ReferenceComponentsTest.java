package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.contract.TaskFamilyContract;

/** The kit's own default task family passes its contract; its problems are reproducible. */
class ReferenceComponentsTest extends TaskFamilyContract {

    @Override
    protected TaskFamily family() {
        return KitProblem.linearThresholds(4);
    }

    @Test
    void theGroundTruthIsOrthonormalAndTheProblemReproducible() {
        Subspace truth = KitProblem.randomSubspace(9, 4, new KitStreams(3).stream("g")); // checks orthonormality
        assertEquals(4, truth.rank());
        KitProblem a = KitProblem.gaussian(6, 2).taskCount(3).seed(9).build();
        KitProblem b = KitProblem.gaussian(6, 2).taskCount(3).seed(9).build();
        assertEquals(a.problem().groundTruth().basis().get(5, 1), b.problem().groundTruth().basis().get(5, 1));
        assertEquals(3, a.problem().taskCount());
    }
}
