package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.SampleSource;

class ChunkedSamplesTest {

    /**
     * n samples arrive as consecutive chunks of 1024 covering [0, n) once, the last one shorter, and no
     * empty chunk, also when n is a multiple of the chunk; the source is asked for exactly those counts.
     */
    @Test
    void theChunksCoverTheSamplesOnceInOrder() {
        int chunk = ChunkedSamples.CHUNK;
        for (int n : new int[] {1, chunk, 2 * chunk, 2 * chunk + 452}) {
            List<Integer> drawn = new ArrayList<>();
            SampleSource source = (task, rng, batch, count) -> drawn.add(count);
            List<List<Integer>> received = new ArrayList<>();
            Batch batch = ChunkedSamples.batchFor(Fixtures.axes(3, 1), n);
            ChunkedSamples.draw(source, null, Fixtures.stream(1), batch, n,
                    (b, offset, count) -> received.add(List.of(offset, count)));
            List<List<Integer>> expected = new ArrayList<>();
            for (int offset = 0; offset < n; offset += chunk) {
                expected.add(List.of(offset, Math.min(chunk, n - offset)));
            }
            assertEquals(expected, received, "n=" + n);
            assertEquals(expected.stream().map(c -> c.get(1)).toList(), drawn, "n=" + n);
        }
    }
}
