package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party path end to end: the example in docs/examples/custom-task-family, packaged as a jar,
 * dropped into a plugins folder, listed, checked, run and swept through the real command line.
 */
class ExamplePluginTest {
    @TempDir
    static Path dir;

    private static Path plugins;
    private static Path jar;

    @BeforeAll
    static void packageTheExample() throws Exception {
        jar = ExampleJars.packageExample(dir, "custom-task-family", "nearest-centre.jar");
        plugins = jar.getParent();
    }

    @Test
    void theNewTypeIsListedWithItsParameters() {
        Cli cli = Cli.run("plugins", "--plugins-dir", plugins.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        String out = cli.out();
        int at = out.indexOf("  nearest-centre  ");
        assertTrue(at > 0, out);
        String entry = out.substring(at);
        assertTrue(entry.contains("centres") && entry.contains("default 4") && entry.contains("spread"), entry);
        assertTrue(entry.contains("nearest-centre.jar"), entry);
    }

    @Test
    void theJarPassesTheCheck() {
        Cli cli = Cli.run("plugins", "--check", jar.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        for (String check : new String[] {"creates a TaskFamily from its defaults", "count() is positive",
                "labels are exactly +1 or -1", "labels depend on x only through z = M^T x",
                "tasks and labels are a function of their streams", "runs a tiny experiment twice to the same metrics"}) {
            assertTrue(cli.out().contains("ok:    tasks/nearest-centre: " + check), check + " in " + cli.out());
        }
    }

    @Test
    void theDefaultExperimentRunsOnTheNewFamily() {
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.resolve("runs").toString(),
                "--plugins-dir", plugins.toString(), "tasks.type=nearest-centre", "tasks.centres=6", "tasks.count=8");
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("subspace-distance.max") && cli.out().contains("downstream-linear.accuracy"),
                cli.out());
    }

    @Test
    void aShortSweepRunsOnTheNewFamily() throws Exception {
        Path sweep = dir.resolve("sweep");
        Cli cli = Cli.run("sweep", "tiny", "--quiet", "--output", sweep.toString(), "--plugins-dir", plugins.toString(),
                "tasks.type=nearest-centre", "tasks.count=6", "tasks.centres=2,6", "seeds=1..2");
        assertEquals(0, cli.exitCode(), cli.toString());
        java.util.List<String> summary = Files.readAllLines(sweep.resolve("summary.csv"));
        assertEquals(5, summary.size(), "a header and four cells: " + summary);
        assertTrue(summary.get(0).contains("downstream-linear.accuracy"), summary.get(0));
        assertTrue(summary.stream().skip(1).allMatch(row -> row.contains(",ok,")), summary.toString());
    }

    @Test
    void aBadParameterOfTheNewFamilyIsAConfigurationError() {
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.resolve("bad").toString(),
                "--plugins-dir", plugins.toString(), "tasks.type=nearest-centre", "tasks.centers=6");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("tasks.centers") && cli.err().contains("did you mean 'centres'"), cli.err());
    }
}
