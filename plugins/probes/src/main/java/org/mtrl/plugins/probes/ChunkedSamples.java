package org.mtrl.plugins.probes;

import org.mtrl.api.data.Batch;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;

/**
 * Draws n labelled samples of a task from one stream in chunks of {@link #CHUNK}, so memory stays
 * bounded for any n. The chunk size is a constant, never derived from threads or buffers, so the same
 * stream and n always give the same samples.
 */
final class ChunkedSamples {
    /** Samples per chunk. */
    static final int CHUNK = 1024;

    /** Receives one chunk: the batch holds {@code count} samples, the {@code offset}-th to come first. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(Batch batch, int offset, int count);
    }

    private ChunkedSamples() {
    }

    /** A batch large enough for the chunks of up to {@code n} samples in the coordinates of {@code truth}. */
    static Batch batchFor(Subspace truth, int n) {
        return new Batch(truth.dim(), truth.rank(), Math.max(1, Math.min(CHUNK, n)));
    }

    /** Draws {@code n} samples of {@code task} from {@code rng} into {@code batch}, chunk by chunk. */
    static void draw(SampleSource source, Task task, RandomStream rng, Batch batch, int n, ChunkConsumer consumer) {
        int chunk = Math.min(CHUNK, n);
        if (batch.capacity() < chunk) {
            throw new IllegalArgumentException("batch capacity " + batch.capacity() + " is below the chunk " + chunk);
        }
        for (int offset = 0; offset < n; offset += chunk) {
            int count = Math.min(chunk, n - offset);
            source.draw(task, rng, batch, count);
            consumer.accept(batch, offset, count);
        }
    }
}
