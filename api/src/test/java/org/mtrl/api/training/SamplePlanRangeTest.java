package org.mtrl.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sample counts up to Integer.MAX_VALUE split into chunks that cover them exactly (no int overflow). */
class SamplePlanRangeTest {

    @Test
    void theLargestSampleCountSplitsIntoChunksThatAddUpToIt() {
        SamplePlan plan = new SamplePlan("head", 1, Integer.MAX_VALUE);
        assertEquals(4_194_304, plan.chunks()); // ceil((2^31 - 1) / 512) = 2^22
        assertEquals(SamplePlan.CHUNK, plan.chunkSize(0));
        assertEquals(511, plan.chunkSize(plan.chunks() - 1)); // 2^31 - 1 - (2^22 - 1) * 512
        long total = 0;
        for (int c = 0; c < plan.chunks(); c++) {
            total += plan.chunkSize(c);
        }
        assertEquals(Integer.MAX_VALUE, total);
    }
}
