package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;

class SweepSpecTest {

    @Test
    void theGridIsTheCartesianProductFirstAxisSlowestSeedsFastest() {
        SweepSpec spec = SweepSpec.fromBlock(ConfigTrees.parse(
                "sweep: {tasks.count: [1, 2, 5], optimizer.type: [a, b], seeds: 1..2}", "test").get("sweep"));
        List<SweepCell> cells = spec.cells(7);
        assertEquals(12, cells.size());
        assertEquals(12, spec.size());
        assertEquals("tasks.count=1 optimizer.type=a seed=1", cells.get(0).describe());
        assertEquals("tasks.count=1 optimizer.type=a seed=2", cells.get(1).describe());
        assertEquals("tasks.count=1 optimizer.type=b seed=1", cells.get(2).describe());
        assertEquals("tasks.count=5 optimizer.type=b seed=2", cells.get(11).describe());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(i, cells.get(i).index());
        }
        assertEquals(List.of("tasks.count=5", "optimizer.type=\"b\"", "seed=2"), cells.get(11).overrides(List.of()));
    }

    @Test
    void withoutSeedsTheBaseSeedIsUsedAndWithoutAxesThereIsOneCell() {
        List<SweepCell> cells = SweepSpec.fromBlock(null).cells(7);
        assertEquals(1, cells.size());
        assertEquals(7, cells.get(0).seed());
    }

    @Test
    void commandLineAxesAreListsOrRangesAndReplaceTheBlocksAxis() {
        assertTrue(SweepSpec.isAxisArgument("tasks.count=1,2,5"));
        assertTrue(SweepSpec.isAxisArgument("seeds=1..5"));
        assertTrue(SweepSpec.isAxisArgument("seeds=3"));
        assertTrue(SweepSpec.isAxisArgument("data.dim=10..12"));
        assertFalse(SweepSpec.isAxisArgument("model.width=40"));
        assertFalse(SweepSpec.isAxisArgument("probes.downstream-linear.samples=[100,300]"));
        assertTrue(SweepSpec.isAxisArgument("probes.downstream-linear.samples=[100,300],[50]"));

        SweepSpec spec = SweepSpec.fromBlock(ConfigTrees.parse("sweep: {tasks.count: [1, 2]}", "t").get("sweep"))
                .withArgument("tasks.count=1,2,5,10").withArgument("seeds=1..5")
                .withArgument("probes.downstream-linear.samples=[100,300],[50]");
        assertEquals(List.of("tasks.count", "probes.downstream-linear.samples"),
                spec.axes().stream().map(SweepSpec.Axis::key).toList());
        assertEquals(4, spec.axes().get(0).values().size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), spec.seeds());
        assertEquals("[100 300]", ValueLabels.of(spec.axes().get(1).values().get(0)));
        assertEquals(40, spec.size());
        assertEquals(spec, SweepSpec.fromBlock(spec.toBlock()));
    }

    @Test
    void mappingValuesAreLabelledByTheirTypeThenTheirOtherKeys() {
        SweepSpec spec = SweepSpec.fromBlock(ConfigTrees.parse(
                "sweep: {optimizer: [{type: joint-gradient, headInit: 0.01}]}", "t").get("sweep"));
        assertEquals("joint-gradient headInit=0.01", spec.cells(1).get(0).labels().get("optimizer"));
    }

    @Test
    void badAxesAreConfigurationErrorsNamingTheKey() {
        ConfigException seeds = assertThrows(ConfigException.class,
                () -> SweepSpec.fromBlock(null).withArgument("seeds=a,b"));
        assertTrue(seeds.getMessage().startsWith("seeds:"), seeds.getMessage());
        assertThrows(ConfigException.class, () -> SweepSpec.fromBlock(null).withArgument("seed=a,b"));
        assertThrows(ConfigException.class, () -> SweepSpec.fromBlock(null).withArgument("data.dim=5..1"));
        assertThrows(ConfigException.class, () -> SweepSpec.fromBlock(null).withArgument("a..b=1,2"));
        assertThrows(ConfigException.class, () -> SweepSpec.fromBlock(null).withArgument("x=1,,2"));
    }

    @Test
    void aLinkedAxisSetsEachOfItsKeysAndScaleSetsNone() {
        SweepSpec spec = new SweepSpec(List.of(), List.of())
                .withArgument("optimizer.headSamples=optimizer.repSamples=100,200").withArgument("scale=1,2");
        assertEquals(List.of("optimizer.headSamples=optimizer.repSamples", "scale"),
                spec.axes().stream().map(SweepSpec.Axis::key).toList());
        SweepCell cell = spec.cells(1).get(3);
        assertEquals("optimizer.headSamples=optimizer.repSamples=200 scale=2 seed=1", cell.describe());
        assertEquals(List.of("optimizer.headSamples=200", "optimizer.repSamples=200", "seed=1"), cell.overrides(List.of()));
        assertTrue(SweepSpec.isAxisArgument("a.b=c.d=5"), "one value of a linked axis is still an axis");
        assertFalse(SweepSpec.isAxisArgument("scale=2"), "a single scale is the preset knob, not an axis");
        assertFalse(SweepSpec.isAxisArgument("optimizer.type=multitask-alternating"));
        assertThrows(ConfigException.class, () -> new SweepSpec(List.of(), List.of()).withArgument("scale=1,-2"));
        assertThrows(ConfigException.class, () -> new SweepSpec(List.of(), List.of()).withArgument("a..b=c=1,2"));
    }
}
