package org.mtrl.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Chunk accounting and the per-task mean loss, on hand-computed cases. */
class SamplePlanTest {

    @Test
    void samplesSplitIntoFullChunksAndOnePartialLastChunk() {
        int chunk = SamplePlan.CHUNK;
        assertEquals(512, chunk);
        assertEquals(1, new SamplePlan("head", 1, 1).chunks());
        assertEquals(1, new SamplePlan("head", 1, 1).chunkSize(0));
        assertEquals(1, new SamplePlan("head", 1, chunk).chunks());
        assertEquals(chunk, new SamplePlan("head", 1, chunk).chunkSize(0));
        SamplePlan plan = new SamplePlan("head", 1, 2 * chunk + 77);
        assertEquals(3, plan.chunks());
        assertEquals(chunk, plan.chunkSize(0));
        assertEquals(chunk, plan.chunkSize(1));
        assertEquals(77, plan.chunkSize(2));
        assertEquals(2, new SamplePlan("head", 1, chunk + 1).chunks());
        assertEquals(1, new SamplePlan("head", 1, chunk + 1).chunkSize(1));
    }

    @Test
    void aPlanWithoutSamplesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SamplePlan("rep", 1, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        assertEquals(1, new SamplePlan("rep", 1, 1).samples());
    }

    @Test
    void meanLossAveragesTheTasksLosses() {
        HeadGradients heads = new HeadGradients(new int[] {0, 1, 2}, new double[3][1], new double[] {1, 2, 6});
        assertEquals(3, heads.meanLoss(), 0.0);
    }
}
