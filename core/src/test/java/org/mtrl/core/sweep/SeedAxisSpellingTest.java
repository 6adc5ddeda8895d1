package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.core.config.ConfigTrees;

/** The seeds are swept as 'seed', the word of the configuration and of summary.csv; 'seeds' still works. */
class SeedAxisSpellingTest {

    @Test
    void seedWithAListOrARangeSweepsTheSeedsAsSeedsDid() {
        SweepSpec none = SweepSpec.fromBlock(null);
        assertEquals(List.of(1L, 2L, 3L), none.withArgument("seed=1..3").seeds());
        assertEquals(List.of(4L, 9L), none.withArgument("seed=4,9").seeds());
        assertEquals(none.withArgument("seeds=1..3"), none.withArgument("seed=1..3"));
        assertTrue(SweepSpec.isAxisArgument("seed=1..3"));
        assertFalse(SweepSpec.isAxisArgument("seed=7"), "one seed is a plain override");

        SweepSpec block = SweepSpec.fromBlock(ConfigTrees.parse("sweep: {tasks.count: [1, 2], seed: 1..2}", "t")
                .get("sweep"));
        assertEquals(List.of(1L, 2L), block.seeds());
        assertEquals(4, block.size());
        assertEquals("tasks.count=2 seed=2", block.cells(1).get(3).describe());
    }
}
