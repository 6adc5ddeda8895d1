package org.mtrl.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class PoolWorkersTest {

    @Test
    void runsEveryIndexExactlyOnce() {
        for (int threads : new int[] {1, 2, 5}) {
            try (PoolWorkers workers = new PoolWorkers(threads)) {
                AtomicIntegerArray seen = new AtomicIntegerArray(1000);
                workers.forEach(1000, seen::incrementAndGet);
                for (int i = 0; i < 1000; i++) {
                    assertEquals(1, seen.get(i), "index " + i + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void nestedCallsDoNotDeadlock() {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(64);
            workers.forEach(8, i -> workers.forEach(8, j -> seen.incrementAndGet(i * 8 + j)));
            for (int i = 0; i < 64; i++) {
                assertEquals(1, seen.get(i));
            }
        }
    }

    @Test
    void rethrowsTheFailureAndSkipsUnitsNotStarted() {
        try (PoolWorkers workers = new PoolWorkers(1)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(10);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> workers.forEach(10, i -> {
                seen.incrementAndGet(i);
                if (i == 3) {
                    throw new IllegalStateException("unit 3");
                }
            }));
            assertEquals("unit 3", e.getMessage());
            assertEquals(0, seen.get(4), "units after a failure are skipped");
        }
        try (PoolWorkers workers = new PoolWorkers(4)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> workers.forEach(100, i -> {
                throw new RuntimeException("unit " + i);
            }));
            assertTrue(e.getMessage().startsWith("unit "));
        }
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> new PoolWorkers(0));
    }
}
