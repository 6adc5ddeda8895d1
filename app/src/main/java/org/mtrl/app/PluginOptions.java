package org.mtrl.app;

import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mtrl.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** The option that says where extra plugin jars are, shared by every command that needs plugins. */
final class PluginOptions {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "folder of plugin jars to load besides the built-in ones (default: ./plugins if present)")
    Path pluginsDir;

    /** {@link #registry()}, with its load problems reported on {@code err} first, so a broken jar is seen at start. */
    PluginRegistry registryReporting(PrintWriter err) {
        PluginRegistry registry = registry();
        Reports.printLoadProblems(registry, err);
        return registry;
    }

    /** The built-in plugins plus those of the plugins folder. */
    PluginRegistry registry() {
        boolean explicit = pluginsDir != null;
        Path dir = explicit ? pluginsDir : Path.of("plugins");
        return PluginRegistry.discover(PluginOptions.class.getClassLoader(), dir, explicit);
    }

    /** The plugins folder in use: the one given, else ./plugins if it is a folder; null if none. */
    Path directory() {
        Path dir = pluginsDir != null ? pluginsDir : Path.of("plugins");
        return pluginsDir != null || Files.isDirectory(dir) ? dir : null;
    }
}
