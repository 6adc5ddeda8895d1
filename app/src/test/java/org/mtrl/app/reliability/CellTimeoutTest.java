package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.app.Cli;
import org.mtrl.core.plugin.PluginJars;

/**
 * A component that runs past {@code --cell-timeout} (and ignores interrupts) is isolated: its cell is
 * recorded as failed naming the component, its plugin and jar; the other cells finish; nothing the
 * abandoned cell writes later reaches the sweep.
 */
class CellTimeoutTest {
    private static final String STALLING = """
            package org.example.stall;

            import java.util.List;
            import org.mtrl.api.plugin.*;
            import org.mtrl.api.probe.*;

            public final class StallingPlugin implements Plugin {
                public record Parameters(@Param(value = "seconds to spin, ignoring interrupts", defaultValue = "0", min = 0)
                                         double seconds) { }

                public String name() { return "stalling"; }

                public List<ComponentFactory<?, ?>> factories() {
                    return List.of(ComponentFactory.of(ComponentKind.PROBE, "stall", "spins for a while",
                            Parameters.class, (p, context) -> (Probe) c -> {
                                long end = System.nanoTime() + (long) (p.seconds() * 1e9);
                                while (System.nanoTime() < end) {
                                    Thread.onSpinWait();
                                }
                                return List.of(new Metric("spun", p.seconds()));
                            }));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aCellPastItsTimeLimitIsRecordedAsFailedNamingTheComponentAndTheOthersFinish() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/stall.jar", Map.of("org.example.stall.StallingPlugin", STALLING),
                Map.of("META-INF/services/org.mtrl.api.plugin.Plugin", "org.example.stall.StallingPlugin\n"));
        Path sweep = dir.resolve("sweep");

        Cli cli = Cli.run("sweep", "tiny", "probes={stall: {}}", "probes.stall.seconds=0,6", "--cell-timeout", "2",
                "--quiet", "--threads", "2", "--output", sweep.toString(), "--plugins-dir", plugins.toString());

        assertEquals(1, cli.exitCode(), cli.toString());
        List<String> summary = Files.readAllLines(sweep.resolve("summary.csv"));
        assertEquals(3, summary.size(), summary.toString());
        assertTrue(summary.get(1).contains(",ok,"), summary.get(1));
        assertTrue(summary.get(2).contains(",failed,"), summary.get(2));
        String expected = "exceeded --cell-timeout of 2.00 s during probe 'stall' (probe/stall from plugin 'stalling' (";
        assertTrue(cli.out().contains(expected) && cli.out().contains("stall.jar"), cli.out());

        Ledger.record(Category.CELL_TIMEOUT, "real sweep: as expected");
        Ledger.writeIfComplete();

        Cli zero = Cli.run("sweep", "tiny", "--cell-timeout", "0", "--quiet", "--output", dir.resolve("z").toString());
        assertEquals(2, zero.exitCode(), zero.toString());
        assertTrue(zero.err().contains("--cell-timeout"), zero.err());
    }

    @Test
    void withATimeLimitFinishedCellsAreTheSameAsWithout() throws Exception {
        Path limited = dir.resolve("limited");
        Path free = dir.resolve("free");
        assertEquals(0, Cli.run("sweep", "tiny", "tasks.count=2,4", "--quiet", "--cell-timeout", "300",
                "--output", limited.toString()).exitCode());
        assertEquals(0, Cli.run("sweep", "tiny", "tasks.count=2,4", "--quiet", "--output", free.toString()).exitCode());
        assertEquals(withoutWallTime(free), withoutWallTime(limited));
        try (Stream<Path> cells = Files.list(limited.resolve("cells"))) {
            assertTrue(cells.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder left");
        }
    }

    private static List<String> withoutWallTime(Path sweep) throws Exception {
        return Files.readAllLines(sweep.resolve("summary.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }
}
