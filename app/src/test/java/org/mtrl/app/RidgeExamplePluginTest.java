package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party optimizer of docs/examples/ridge-head-optimizer, packaged as a jar: it passes the
 * check and trains in a run through the real command line, with its own parameter.
 */
class RidgeExamplePluginTest {
    @TempDir
    static Path dir;

    private static Path plugins;
    private static Path jar;

    @BeforeAll
    static void packageTheExample() throws Exception {
        jar = ExampleJars.packageExample(dir, "ridge-head-optimizer", "ridge-head.jar");
        plugins = jar.getParent();
    }

    @Test
    void theJarPassesEveryCheck() {
        Cli cli = Cli.run("plugins", "--check", jar.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("ok:    optimizer/ridge-alternating: the same weights on 1 and 4 threads"), cli.out());
        assertTrue(cli.out().contains("ok:    optimizer/ridge-alternating: runs a tiny experiment twice"), cli.out());
    }

    @Test
    void theTinyExperimentTrainsWithTheRidgeHeads() {
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.resolve("runs").toString(),
                "--plugins-dir", plugins.toString(), "optimizer.type=ridge-alternating", "optimizer.lambda=0.05");
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("subspace-distance.max"), cli.out());
    }
}
