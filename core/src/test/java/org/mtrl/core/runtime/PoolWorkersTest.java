package org.mtrl.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * Two units that can only finish together (each waits for the other to start) finish on two
     * threads: the pool really runs units beside the calling thread, on its named daemon threads. The
     * pool's unit sleeps before it returns, so the caller must wait for it: forEach returns only when
     * every unit has finished.
     */
    @Test
    void unitsRunAtTheSameTimeOnNamedDaemonThreads() throws InterruptedException {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            assertEquals(2, workers.threads());
            CountDownLatch bothStarted = new CountDownLatch(2);
            Thread caller = Thread.currentThread();
            AtomicReference<Thread> helper = new AtomicReference<>();
            AtomicBoolean helperFinished = new AtomicBoolean();
            workers.forEach(2, i -> {
                bothStarted.countDown();
                try {
                    assertTrue(bothStarted.await(30, TimeUnit.SECONDS), "the other unit never started");
                    if (Thread.currentThread() != caller) {
                        helper.set(Thread.currentThread());
                        Thread.sleep(200);
                        helperFinished.set(true);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertNotNull(helper.get(), "no unit ran on a pool thread");
            assertTrue(helperFinished.get(), "forEach returned before the pool's unit finished");
            assertTrue(helper.get().isDaemon(), "pool threads must not keep the JVM alive");
            assertTrue(helper.get().getName().startsWith("mtrl-worker-"), helper.get().getName());
        }
    }

    /**
     * A caller interrupted while it waits for the pool's unit stops waiting with a clear failure and
     * keeps its interrupt status, so whoever runs it sees the interruption. The caller's unit sets the
     * status once the pool's unit has started (so the caller must wait); the pool's unit is held until
     * the caller has given up.
     */
    @Test
    void anInterruptedCallerStopsWaitingAndStaysInterrupted() {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            Thread caller = Thread.currentThread();
            CountDownLatch helperStarted = new CountDownLatch(1);
            CountDownLatch callerGaveUp = new CountDownLatch(1);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> workers.forEach(2, i -> {
                try {
                    if (Thread.currentThread() == caller) {
                        assertTrue(helperStarted.await(30, TimeUnit.SECONDS), "the pool never started a unit");
                        caller.interrupt();
                    } else {
                        helperStarted.countDown();
                        assertTrue(callerGaveUp.await(30, TimeUnit.SECONDS), "the caller never gave up");
                    }
                } catch (InterruptedException unexpected) {
                    throw new IllegalStateException(unexpected);
                }
            }));
            callerGaveUp.countDown();
            assertEquals("interrupted while waiting for workers", e.getMessage());
            assertTrue(Thread.interrupted(), "the caller's interrupt status is kept");
        }
    }
}
