package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.training.SamplePlan;

class WorkspacePoolTest {

    @Test
    void aWorkspaceIsReusedAndResetBeforeEachUse() {
        MomentModel model = new MomentModel(3, 2);
        WorkspacePool pool = new WorkspacePool(model, 1, EnumSet.of(GradientPart.HEAD));
        Workspace first = pool.take();
        assertEquals(3, first.batch.dim());
        assertEquals(1, first.batch.rank());
        assertEquals(SamplePlan.CHUNK, first.batch.capacity());
        first.batch.setSize(1);
        first.batch.x()[0] = 2;
        first.batch.y()[0] = 1;
        first.accumulator.add(0, first.batch, 1);
        assertEquals(2, first.accumulator.head()[0], 0.0);
        pool.give(first);
        Workspace again = pool.take();
        assertSame(first, again);
        assertEquals(0, again.accumulator.head()[0], 0.0, "taken workspaces start from zero sums");
        Workspace second = pool.take();
        assertTrue(second != first, "an empty pool makes a new workspace");
    }
}
