package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.core.plugin.PluginJars;

/**
 * A plugin jar that contributes its own Guice module: its component receives what the module binds,
 * and the shared services, through its factory's context, without using Guice itself.
 */
class PluginModulesTest {
    private static final String SERVICE = "META-INF/services/org.mtrl.api.plugin.Plugin";

    private static final String PLUGIN = """
            package org.example.modular;

            import java.util.List;
            import org.mtrl.api.plugin.*;
            import org.mtrl.api.probe.*;

            public final class ModularPlugin implements Plugin {
                /** A plugin-private service, bound by the plugin's module. */
                public static final class Calibration {
                    final double factor;
                    public Calibration(double factor) { this.factor = factor; }
                }

                public record Parameters(@Param(value = "multiplied by the calibration", defaultValue = "2") double x) { }

                public String name() { return "modular"; }

                public List<Object> modules() {
                    return List.of(new com.google.inject.AbstractModule() {
                        @Override protected void configure() {
                            bind(Calibration.class).toInstance(new Calibration(21));
                        }
                    });
                }

                public List<ComponentFactory<?, ?>> factories() {
                    return List.of(ComponentFactory.of(ComponentKind.PROBE, "calibrated", "reports x times a bound calibration",
                            Parameters.class, (p, context) -> {
                                double factor = context.services().get(Calibration.class).factor;
                                double hasProgress = context.progress() != null ? 1 : 0;
                                return (Probe) c -> List.of(new Metric("value", p.x() * factor),
                                        new Metric("has-progress", hasProgress));
                            }));
                }
            }
            """;

    private static final String NOT_A_MODULE = """
            package org.example.sloppy;

            import java.util.List;
            import org.mtrl.api.plugin.*;

            public final class SloppyPlugin implements Plugin {
                public String name() { return "sloppy"; }
                public List<Object> modules() { return List.of("not a module"); }
                public List<ComponentFactory<?, ?>> factories() { return List.of(); }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aComponentReceivesWhatItsPluginsModuleBinds() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/modular.jar", Map.of("org.example.modular.ModularPlugin", PLUGIN),
                Map.of(SERVICE, "org.example.modular.ModularPlugin\n"));
        Cli cli = Cli.run("run", "tiny", "--quiet", "--output", dir.resolve("runs").toString(),
                "--plugins-dir", plugins.toString(), "probes={calibrated: {x: 2}}");
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("calibrated.value") && cli.out().contains("42.0000"), cli.out());
        assertTrue(cli.out().contains("calibrated.has-progress") && cli.out().contains("1.00000"), cli.out());
    }

    @Test
    void modulesThatAreNotGuiceModulesAreALoadProblem() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/sloppy.jar", Map.of("org.example.sloppy.SloppyPlugin", NOT_A_MODULE),
                Map.of(SERVICE, "org.example.sloppy.SloppyPlugin\n"));
        Cli cli = Cli.run("plugins", "--plugins-dir", plugins.toString());
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("sloppy.jar") && cli.err().contains("not a com.google.inject.Module"), cli.err());
    }
}
