package org.mtrl.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.probe.Probe;

class PluginRegistryTest {
    private static final String SERVICE = PluginLoader.SERVICE_FILE;

    @TempDir
    Path dir;

    @Test
    void findsPluginsOnTheClassPath() {
        PluginRegistry registry = new PluginLoader().fromClassPath(getClass().getClassLoader()).registry();
        RegisteredFactory<Probe> constant = registry.find(ComponentKind.PROBE, "constant").orElseThrow();
        assertEquals("class-path-test", constant.pluginName());
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void loadsAJarDroppedIntoThePluginsFolderInItsOwnClassLoader() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/extra.jar",
                Map.of("com.example.ExtraPlugin", PluginJars.probePlugin("com.example", "ExtraPlugin", "extra-probe")),
                Map.of(SERVICE, "com.example.ExtraPlugin\n"));

        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), plugins, true);

        RegisteredFactory<Probe> extra = registry.find(ComponentKind.PROBE, "extra-probe").orElseThrow();
        assertEquals(plugins.resolve("extra.jar").toAbsolutePath().toString(), extra.origin());
        ClassLoader loader = registry.plugins().stream().filter(p -> p.origin().equals(extra.origin()))
                .findFirst().orElseThrow().plugin().getClass().getClassLoader();
        assertTrue(loader.getName().startsWith("plugin:extra.jar"), loader.getName());
        // The jar's loader sees the api but not core: third-party plugins compile against the api alone.
        assertEquals(Plugin.class, Class.forName(Plugin.class.getName(), false, loader));
        assertThrows(ClassNotFoundException.class, () -> Class.forName(PluginLoader.class.getName(), false, loader));
        assertTrue(registry.find(ComponentKind.PROBE, "constant").isPresent(), "class path plugins still load");
    }

    @Test
    void aBrokenJarIsReportedWithItsPathAndTheOthersStillLoad() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.writeJunk(plugins.resolve("a-corrupt.jar"));
        PluginJars.build(dir, "plugins/b-missing-class.jar", Map.of(), Map.of(SERVICE, "com.example.Nowhere\n"));
        PluginJars.build(dir, "plugins/c-no-service.jar",
                Map.of("com.example.Lonely", PluginJars.probePlugin("com.example", "Lonely", "lonely")), Map.of());
        PluginJars.build(dir, "plugins/d-good.jar",
                Map.of("com.example.Good", PluginJars.probePlugin("com.example", "Good", "good")),
                Map.of(SERVICE, "com.example.Good\n"));

        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), plugins, true);

        assertTrue(registry.find(ComponentKind.PROBE, "good").isPresent());
        List<LoadProblem> problems = registry.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertProblem(problems, "a-corrupt.jar", "cannot read jar");
        assertProblem(problems, "b-missing-class.jar", "com.example.Nowhere");
        assertProblem(problems, "c-no-service.jar", "no " + SERVICE);
    }

    @Test
    void aJarBuiltAgainstAnotherSpiMajorVersionIsRefusedNamingBothVersions() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/future.jar",
                Map.of("com.example.Future", PluginJars.probePlugin("com.example", "Future", "future")),
                Map.of(SERVICE, "com.example.Future\n"), Map.of(SpiVersion.MANIFEST_ATTRIBUTE, "99.0.0"));
        PluginJars.build(dir, "plugins/current.jar",
                Map.of("com.example.Current", PluginJars.probePlugin("com.example", "Current", "current")),
                Map.of(SERVICE, "com.example.Current\n"), Map.of(SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.current()));

        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), plugins, true);

        assertTrue(registry.find(ComponentKind.PROBE, "future").isEmpty());
        assertTrue(registry.find(ComponentKind.PROBE, "current").isPresent());
        assertProblem(registry.problems(), "future.jar", "built against SPI 99.0.0 but this mtrl provides SPI "
                + SpiVersion.current());
    }

    @Test
    void twoFactoriesWithOneNameAreAConflictNamingBothOrigins() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.build(dir, "plugins/clash.jar",
                Map.of("com.example.Clash", PluginJars.probePlugin("com.example", "Clash", "constant")),
                Map.of(SERVICE, "com.example.Clash\n"));

        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), plugins, true);

        List<RegisteredFactory<?>> conflict = registry.conflicting(ComponentKind.PROBE, "constant");
        assertEquals(2, conflict.size());
        String problem = registry.problems().get(0).message();
        assertTrue(problem.contains("duplicate probe/constant"), problem);
        assertTrue(problem.contains("class-path-test") && problem.contains("clash.jar"), problem);
    }

    @Test
    void malformedFactoriesAreRejectedWithAReason() {
        record NoParam(int x) {
        }
        record Ok(@Param("fine") int x) {
        }
        Plugin plugin = new Plugin() {
            @Override
            public String name() {
                return "sloppy";
            }

            @Override
            public List<ComponentFactory<?, ?>> factories() {
                return List.of(
                        ComponentFactory.of(ComponentKind.PROBE, "Bad_Name", "x", Ok.class, (p, c) -> null),
                        ComponentFactory.of(ComponentKind.PROBE, "no-param", "x", NoParam.class, (p, c) -> null),
                        ComponentFactory.of(ComponentKind.PROBE, "fine", "x", Ok.class, (p, c) -> null));
            }
        };
        PluginRegistry registry = PluginRegistry.of(List.of(new LoadedPlugin(plugin, "memory")), List.of());
        assertEquals(List.of("fine"), registry.types(ComponentKind.PROBE));
        assertProblem(registry.problems(), "memory", "type name must be lower-case words");
        assertProblem(registry.problems(), "memory", "parameter 'x' has no @Param");
    }

    @Test
    void aMissingPluginsFolderIsAProblemOnlyWhenAskedFor() {
        Path missing = dir.resolve("nope");
        assertTrue(PluginRegistry.discover(getClass().getClassLoader(), missing, false).problems().isEmpty());
        assertProblem(PluginRegistry.discover(getClass().getClassLoader(), missing, true).problems(),
                "nope", "does not exist");
    }

    private static void assertProblem(List<LoadProblem> problems, String origin, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.origin().contains(origin) && p.message().contains(text)),
                "expected a problem from " + origin + " saying '" + text + "' in " + problems);
    }

    private static <T extends Throwable> void assertThrows(Class<T> type, org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(type, e);
    }
}
