package org.mtrl.app.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mtrl.core.plugin.PluginJars;

/** The jar of misbehaving components ({@code FaultyPlugin.java.txt}), compiled by the tests into a plugins folder. */
final class FaultyPlugins {
    private FaultyPlugins() {
    }

    /** Builds {@code dir/plugins/faulty.jar} and returns the plugins folder. */
    static Path build(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String source;
        try (InputStream in = FaultyPlugins.class.getResourceAsStream("FaultyPlugin.java.txt")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PluginJars.build(plugins, "faulty.jar", Map.of("org.example.faulty.FaultyPlugin", source),
                Map.of("META-INF/services/org.mtrl.api.plugin.Plugin", "org.example.faulty.FaultyPlugin\n"));
        return plugins;
    }
}
