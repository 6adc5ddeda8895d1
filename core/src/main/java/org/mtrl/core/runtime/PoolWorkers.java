package org.mtrl.core.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.mtrl.api.runtime.Workers;

/**
 * {@link Workers} on a fixed pool of daemon threads. The calling thread takes part, and it waits for
 * units of work rather than for pool threads, so nested calls never deadlock: a helper that starts
 * after every unit was claimed just returns.
 */
public final class PoolWorkers implements Workers, AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    public PoolWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "mtrl-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void forEach(int count, IntConsumer body) {
        if (count <= 0) {
            return;
        }
        Batch batch = new Batch(count, body);
        if (pool != null) {
            for (int h = 1; h < Math.min(threads, count); h++) {
                pool.execute(batch::work);
            }
        }
        batch.work();
        batch.awaitAndRethrow();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** One forEach call: a cursor over the units, and the failure of the lowest index. */
    private static final class Batch {
        private final int count;
        private final IntConsumer body;
        private int next;
        private int started;
        private int finished;
        private boolean stopped;
        private int failedIndex = Integer.MAX_VALUE;
        private Throwable failure;

        Batch(int count, IntConsumer body) {
            this.count = count;
            this.body = body;
        }

        void work() {
            int i;
            while ((i = claim()) >= 0) {
                try {
                    body.accept(i);
                    done(i, null);
                } catch (Throwable t) {
                    done(i, t);
                }
            }
        }

        private synchronized int claim() {
            if (stopped || next >= count) {
                return -1;
            }
            started++;
            return next++;
        }

        private synchronized void done(int index, Throwable t) {
            if (t != null) {
                stopped = true; // units not yet started are skipped
                if (index < failedIndex) {
                    failedIndex = index;
                    failure = t;
                }
            }
            finished++;
            notifyAll();
        }

        synchronized void awaitAndRethrow() {
            while (finished < started || !(stopped || next >= count)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for workers", e);
                }
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
