package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class KitWorkersTest {

    @Test
    void everyUnitRunsOnceOnFourThreadsAndNestedCallsFinish() {
        AtomicIntegerArray runs = new AtomicIntegerArray(40 * 10);
        KitWorkers.fourThreads().forEach(40, i -> KitWorkers.fourThreads().forEach(10, j -> runs.incrementAndGet(i * 10 + j)));
        for (int u = 0; u < runs.length(); u++) {
            assertEquals(1, runs.get(u), "unit " + u);
        }
    }

    @Test
    void sameThreadRunsInIndexOrderOnTheCaller() {
        StringBuilder order = new StringBuilder();
        Thread caller = Thread.currentThread();
        KitWorkers.sameThread().forEach(5, i -> {
            assertSame(caller, Thread.currentThread());
            order.append(i);
        });
        assertEquals("01234", order.toString());
    }

    @Test
    void theFailureOfTheLowestIndexIsRethrown() {
        for (KitWorkers workers : new KitWorkers[] {KitWorkers.sameThread(), KitWorkers.fourThreads()}) {
            ConcurrentHashMap<Integer, Boolean> ran = new ConcurrentHashMap<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> workers.forEach(8, i -> {
                ran.put(i, true);
                if (i >= 2) {
                    throw new IllegalStateException("unit " + i);
                }
            }));
            assertEquals("unit 2", workers.threads() == 1 ? thrown.getMessage() : "unit " + lowestFailed(ran, thrown));
        }
    }

    private static int lowestFailed(ConcurrentHashMap<Integer, Boolean> ran, IllegalStateException thrown) {
        int lowest = ran.keySet().stream().filter(i -> i >= 2).min(Integer::compare).orElseThrow();
        assertEquals("unit " + lowest, thrown.getMessage());
        return lowest;
    }

    @Test
    void theThreadCountsAreOneAndFour() {
        assertEquals(1, KitWorkers.sameThread().threads());
        assertEquals(4, KitWorkers.fourThreads().threads());
    }

    /** Four threads really are four: unit 0, on the caller, waits until a unit has run on another thread. */
    @Test
    void fourThreadsRunUnitsOnHelpersWhileTheCallerWaits() {
        CountDownLatch helped = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        KitWorkers.fourThreads().forEach(2, i -> {
            if (Thread.currentThread() != caller) {
                helped.countDown();
            } else if (i == 0) {
                try {
                    helped.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertEquals(0, helped.getCount(), "no unit ran on a helper thread");
    }

    @Test
    void afterAFailureOnOneThreadNoFurtherUnitStarts() {
        List<Integer> ran = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> KitWorkers.sameThread().forEach(6, i -> {
            ran.add(i);
            if (i == 2) {
                throw new IllegalStateException("unit 2");
            }
        }));
        assertEquals(List.of(0, 1, 2), ran);
    }
}
