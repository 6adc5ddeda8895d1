package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.core.sweep.SweepFolder;

/**
 * A cell is its resolved configuration, and a sweep folder holds one sweep: repeated grid values are
 * refused, a sweep of another configuration or grid never replaces a folder's tables, --extend grows a
 * grid keeping its finished cells, a second process is kept out, and overrides given beside a type axis
 * hold in every cell.
 */
class SweepIdentityTest {
    /**
     * Small, and with an optimizer setting every optimizer type has (a type axis refuses one its types
     * lack; the slot replaces tiny's, whose repSamples random-features lacks).
     */
    private static final List<String> SMALL = List.of("tiny", "data.dim=10", "model.width=16",
            "optimizer={type: multitask-alternating, headSamples: 200}", "probes={subspace-distance: {}}");

    @TempDir
    Path dir;

    private static Cli sweep(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", "--quiet", "--threads", "2", "--output", out.toString()));
        all.addAll(SMALL);
        all.addAll(Arrays.asList(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static List<Map<String, String>> rows(Path sweep, String table) {
        return SweepTable.read(sweep.resolve(table)).rows();
    }

    private static void assertRefused(Cli cli, String... mentions) {
        assertEquals(2, cli.exitCode(), cli.toString());
        assertEquals(1, cli.err().lines().count(), cli.toString());
        for (String mention : mentions) {
            assertTrue(cli.err().contains(mention), "missing '" + mention + "': " + cli);
        }
    }

    @Test
    void repeatedGridValuesAreRefusedBeforeAnyWork() throws Exception {
        assertRefused(sweep(dir.resolve("a"), "tasks.count=2,2", "seeds=1..2"), "tasks.count", "listed twice");
        assertRefused(sweep(dir.resolve("b"), "tasks.count=2,0x2", "seeds=1..2"), "tasks.count", "listed twice");
        assertRefused(sweep(dir.resolve("c"), "tasks.count=2,2.0", "seeds=1..2"), "tasks.count=2 seed=1",
                "tasks.count=2.0 seed=1", "same configuration");
        assertRefused(sweep(dir.resolve("d"), "tasks.count=2,4", "seeds=1,2,1"), "seeds", "listed twice");
        for (String folder : List.of("a", "b", "c", "d")) {
            assertFalse(Files.exists(dir.resolve(folder).resolve("summary.csv")), folder);
        }

        Path edited = dir.resolve("edited");
        assertEquals(0, sweep(edited, "tasks.count=2,4", "seeds=1..2").exitCode());
        String summary = Files.readString(edited.resolve("summary.csv"));
        Path yaml = edited.resolve("sweep.yaml");
        String text = Files.readString(yaml);
        assertTrue(text.contains("seeds:\n  - 1\n  - 2"), text);
        Files.writeString(yaml, text.replace("seeds:\n  - 1\n  - 2", "seeds:\n  - 1\n  - 1"));
        assertRefused(Cli.run("sweep", "--quiet", edited.toString()), "sweep.yaml", "seeds", "listed twice");
        assertEquals(summary, Files.readString(edited.resolve("summary.csv")));
    }

    @Test
    void aSweepOfAnotherConfigurationOrGridNeverReplacesAFoldersTables() throws Exception {
        Path out = dir.resolve("tiny");
        assertEquals(0, sweep(out, "tasks.count=2,8", "seeds=1..2").exitCode());
        String summary = Files.readString(out.resolve("summary.csv"));
        String definition = Files.readString(out.resolve("sweep.yaml"));

        assertRefused(sweep(out, "model.loss=hinge", "seeds=1..2"), out.toString(), "another base configuration",
                "model.loss", "--extend", "--output");
        assertRefused(sweep(out, "tasks.count=2,4", "seeds=1..2"), "another grid", "--extend", "--output");
        assertRefused(Cli.run("sweep", "--quiet", out.toString(), "tasks.count=2,4"), "another grid");
        assertEquals(summary, Files.readString(out.resolve("summary.csv")));
        assertEquals(definition, Files.readString(out.resolve("sweep.yaml")));

        Cli same = sweep(out, "tasks.count=8,2", "seeds=2,1");
        assertEquals(0, same.exitCode(), same.toString());
        assertTrue(same.out().contains("4 cells; 0 ran, 4 already finished"), same.out());
    }

    @Test
    void extendingAGridKeepsItsFinishedCellsAndCountsEachSeedOnce() {
        Path out = dir.resolve("grown");
        assertEquals(0, sweep(out, "tasks.count=2,4", "seeds=1..2").exitCode());
        List<Map<String, String>> before = rows(out, "summary.csv");

        Cli grown = sweep(out, "tasks.count=4,8", "seeds=2..3", "--extend");
        assertEquals(0, grown.exitCode(), grown.toString());
        assertTrue(grown.out().contains("9 cells; 5 ran, 4 already finished"), grown.out());
        List<Map<String, String>> after = rows(out, "summary.csv");
        assertEquals(9, after.size());
        for (Map<String, String> row : before) {
            assertTrue(after.stream().anyMatch(r -> r.get("cell").equals(row.get("cell"))
                    && r.get("subspace-distance.max").equals(row.get("subspace-distance.max"))), row.toString());
        }
        List<Map<String, String>> aggregate = rows(out, "aggregate.csv");
        assertEquals(List.of("2", "4", "8"), aggregate.stream().map(r -> r.get("tasks.count")).toList());
        assertTrue(aggregate.stream().allMatch(r -> r.get("seeds").equals("3")), aggregate.toString());

        // a new axis must list the value the folder's cells have, so that they stay in the grid
        assertRefused(sweep(out, "tasks.count=2,4,8", "model.loss=hinge,squared", "seeds=1..3", "--extend"),
                "cannot extend");
        Cli axis = sweep(out, "tasks.count=2,4,8", "model.loss=logistic,hinge", "seeds=1..3", "--extend");
        assertEquals(0, axis.exitCode(), axis.toString());
        assertTrue(axis.out().contains("18 cells; 9 ran, 9 already finished"), axis.out());
    }

    @Test
    void aFolderInUseByAnotherSweepIsRefusedNamingIt() throws Exception {
        Path out = dir.resolve("busy");
        try (SweepFolder held = SweepFolder.claim(out)) {
            assertRefused(sweep(out, "seeds=1..2"), out.toString(), "in use", "another mtrl process");
        }
        assertFalse(Files.exists(out.resolve("summary.csv")));
        assertEquals(0, sweep(out, "seeds=1..2").exitCode(), "free again once released");
    }

    @Test
    void anOverrideBesideATypeAxisHoldsInEveryCellOrIsRefusedNamingTheTypeLackingIt() throws Exception {
        Path out = dir.resolve("types");
        Cli both = sweep(out, "optimizer.type=multitask-alternating,random-features", "optimizer.rounds=2");
        assertEquals(0, both.exitCode(), both.toString());
        List<Map<String, String>> rows = rows(out, "summary.csv");
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            String config = Files.readString(out.resolve("cells").resolve(row.get("cell")).resolve("config.yaml"));
            assertTrue(config.contains("rounds: 2"), row.get("optimizer.type") + ":\n" + config);
        }
        assertRefused(sweep(dir.resolve("lacking"), "optimizer.type=multitask-alternating,oracle-subspace",
                "optimizer.repStep=0.5"), "optimizer.repStep", "optimizer.type=oracle-subspace",
                "unknown parameter 'repStep'");
        assertRefused(sweep(dir.resolve("twice"), "optimizer.rounds=1,2", "optimizer.rounds=3"),
                "optimizer.rounds", "give it in one place");
    }

    @Test
    void presetValuesBesideATypeAxisHoldInEveryCellOrAreRefusedNamingKeyValueAndType() throws Exception {
        Path out = dir.resolve("preset");
        Cli both = Cli.run("sweep", "--quiet", "--output", out.toString(), "tiny", "data.dim=10", "model.width=16",
                "probes={subspace-distance: {}}", "optimizer.type=multitask-alternating,joint-gradient");
        assertEquals(0, both.exitCode(), both.toString());
        for (Map<String, String> row : rows(out, "summary.csv")) {
            String config = Files.readString(out.resolve("cells").resolve(row.get("cell")).resolve("config.yaml"));
            assertTrue(config.contains("headSamples: 300\n") && config.contains("repSamples: 300\n"),
                    row.get("optimizer.type") + ":\n" + config);
        }
        Cli lacking = Cli.run("sweep", "--quiet", "--output", dir.resolve("preset-lacking").toString(), "tiny",
                "optimizer.type=multitask-alternating,random-features");
        assertRefused(lacking, "optimizer.repSamples", "the value 300", "optimizer.type=random-features",
                "unknown parameter 'repSamples'");
    }

    @Test
    void configFileValuesBesideATypeAxisHoldInEveryCellOrAreRefused() throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, """
                data: {dim: 10}
                model: {width: 16}
                optimizer: {type: multitask-alternating, headSamples: 200, rounds: 2}
                probes: {subspace-distance: {}}
                sweep:
                  optimizer.type: [multitask-alternating, random-features]
                """);
        Path out = dir.resolve("file");
        Cli both = Cli.run("sweep", "--quiet", "--output", out.toString(), file.toString());
        assertEquals(0, both.exitCode(), both.toString());
        List<Map<String, String>> cells = rows(out, "summary.csv");
        assertEquals(2, cells.size());
        for (Map<String, String> row : cells) {
            String config = Files.readString(out.resolve("cells").resolve(row.get("cell")).resolve("config.yaml"));
            assertTrue(config.contains("rounds: 2\n") && config.contains("headSamples: 200\n"),
                    row.get("optimizer.type") + ":\n" + config);
        }
        Cli resumed = Cli.run("sweep", "--quiet", out.toString());
        assertTrue(resumed.out().contains("0 ran, 2 already finished"), resumed.toString());

        Files.writeString(file, Files.readString(file).replace("rounds: 2", "repStep: 0.5"));
        assertRefused(Cli.run("sweep", "--quiet", "--output", dir.resolve("file-lacking").toString(),
                file.toString()), "optimizer.repStep", "the value 0.5", "optimizer.type=random-features");
        Files.writeString(file, Files.readString(file).replace("optimizer.type: [multitask-alternating, random-features]",
                "optimizer: [{type: multitask-alternating}, {type: random-features}]"));
        assertRefused(Cli.run("sweep", "--quiet", "--output", dir.resolve("mapping-lacking").toString(),
                file.toString()), "optimizer.repStep", "the value 0.5", "optimizer=random-features");
    }
}
