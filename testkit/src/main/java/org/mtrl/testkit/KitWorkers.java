package org.mtrl.testkit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import org.mtrl.api.runtime.Workers;

/**
 * Workers for tests: {@link #sameThread()} runs every unit in order on the caller, {@link #fourThreads()}
 * spreads them over four threads in an order that varies from run to run. A component whose results
 * differ between the two depends on its threads, which the api forbids.
 */
public final class KitWorkers implements Workers {
    private static final KitWorkers SAME_THREAD = new KitWorkers(1, null);
    private static final KitWorkers FOUR_THREADS = new KitWorkers(4, Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kit-worker");
        thread.setDaemon(true); // tests end without closing the kit
        return thread;
    }));

    private final int threads;
    private final ExecutorService helpers;

    private KitWorkers(int threads, ExecutorService helpers) {
        this.threads = threads;
        this.helpers = helpers;
    }

    /** One thread: the caller runs the units in index order. */
    public static KitWorkers sameThread() {
        return SAME_THREAD;
    }

    /** Four threads: the caller and three helpers take units as they come. */
    public static KitWorkers fourThreads() {
        return FOUR_THREADS;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void forEach(int count, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(Math.max(count, 1));
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    if (!failed.get()) { // after a failure, units not yet started are skipped
                        body.accept(i);
                    }
                } catch (Throwable t) {
                    failures.set(i, t);
                    failed.set(true);
                } finally {
                    synchronized (finished) {
                        finished.incrementAndGet();
                        finished.notifyAll();
                    }
                }
            }
        };
        for (int h = 1; h < threads && h < count; h++) {
            helpers.execute(worker); // a helper that starts late finds no unit left: the caller never waits for it
        }
        worker.run();
        synchronized (finished) {
            while (finished.get() < count) {
                try {
                    finished.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the workers", e);
                }
            }
        }
        Throwable failure = firstFailure(failures, count);
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** The failure of the lowest index, as the api promises. */
    private static Throwable firstFailure(AtomicReferenceArray<Throwable> failures, int count) {
        for (int i = 0; i < count; i++) {
            Throwable t = failures.get(i);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
