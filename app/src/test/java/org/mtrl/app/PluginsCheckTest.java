package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.core.plugin.PluginJars;
import org.mtrl.core.plugin.SpiVersion;

/**
 * {@code mtrl plugins --check JAR} runs each component of a jar through the test kit's contract checks
 * and a tiny experiment, and reports each check: a broken component fails the check it breaks, naming
 * why, and the command exits with 1.
 */
class PluginsCheckTest {
    private static final String SERVICE = "META-INF/services/org.mtrl.api.plugin.Plugin";

    @TempDir
    Path dir;

    @Test
    void aTaskFamilyLabellingZeroFailsTheLabelCheckAndItsTinyRun() throws Exception {
        Cli cli = check("ZeroTasks", """
                ComponentFactory.of(ComponentKind.TASKS, "zero-labels", "labels every point 0", Parameters.class,
                        (p, ctx) -> new TaskFamily() {
                            public int count() { return p.level(); }
                            public Task draw(Subspace truth, RandomStream rng) {
                                return (z, n, noise, y) -> java.util.Arrays.fill(y, 0, n, 0.0);
                            }
                        })""");
        assertEquals(1, cli.exitCode(), cli.toString());
        String out = cli.out();
        assertTrue(out.contains("ok:    tasks/zero-labels: count() is positive"), out);
        assertTrue(out.contains("error: tasks/zero-labels: labels are exactly +1 or -1: task 0 labelled point 0 with 0.0"),
                out);
        assertTrue(out.contains("ok:    tasks/zero-labels: labels depend on x only through z = M^T x"), out);
        assertTrue(out.contains("error: tasks/zero-labels: runs a tiny experiment twice to the same metrics: "), out);
        assertTrue(out.contains("2 problem(s)"), out);
    }

    @Test
    void aProbeReturningNaNFailsTheFiniteCheckAndItsTinyRun() throws Exception {
        Cli cli = check("NaNProbe", """
                ComponentFactory.of(ComponentKind.PROBE, "nan-probe", "measures NaN", Parameters.class,
                        (p, ctx) -> (Probe) c -> List.of(new Metric("level", p.level()), new Metric("broken", Double.NaN)))""");
        assertEquals(1, cli.exitCode(), cli.toString());
        String out = cli.out();
        assertTrue(out.contains("error: probe/nan-probe: metrics are present, uniquely named and finite: metric broken"
                + " is NaN"), out);
        assertTrue(out.contains("ok:    probe/nan-probe: leaves the model unchanged"), out);
        assertTrue(out.contains("error: probe/nan-probe: runs a tiny experiment twice to the same metrics: probe"
                + " 'nan-probe'"), out);
    }

    @Test
    void aSoundProbePassesEveryCheckAndRunsInTheTinyExperiment() throws Exception {
        Cli cli = check("LevelProbe", """
                ComponentFactory.of(ComponentKind.PROBE, "level-probe", "measures its level", Parameters.class,
                        (p, ctx) -> (Probe) c -> List.of(new Metric("level", p.level())))""");
        assertEquals(0, cli.exitCode(), cli.toString());
        String out = cli.out();
        for (String check : new String[] {"creates a Probe from its defaults", "metrics are present, uniquely named and"
                + " finite", "the same metric names and values on every call", "the same values on 1 and 4 threads",
                "leaves the model unchanged", "runs a tiny experiment twice to the same metrics (1 metrics)"}) {
            assertTrue(out.contains("ok:    probe/level-probe: " + check), check + " in " + out);
        }
        assertTrue(out.contains("level-probe.jar: ok"), out);
    }

    /** Checks a jar whose plugin class {@code name} contributes the factory {@code factory}. */
    private Cli check(String name, String factory) throws Exception {
        String source = """
                package org.example;

                import java.util.List;
                import org.mtrl.api.data.Subspace;
                import org.mtrl.api.plugin.*;
                import org.mtrl.api.probe.*;
                import org.mtrl.api.runtime.RandomStream;
                import org.mtrl.api.tasks.*;

                public final class %s implements Plugin {
                    public record Parameters(@Param(value = "a level", defaultValue = "2", min = 1) int level) { }

                    public String name() { return "%s"; }

                    public List<ComponentFactory<?, ?>> factories() {
                        return List.of(%s);
                    }
                }
                """.formatted(name, name, factory);
        String jarName = factory.replaceAll("(?s).*?\"([a-z-]+)\".*", "$1") + ".jar";
        Path jar = PluginJars.build(dir, jarName, Map.of("org.example." + name, source),
                Map.of(SERVICE, "org.example." + name + "\n"), Map.of(SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.current()));
        return Cli.run("plugins", "--check", jar.toString());
    }
}
