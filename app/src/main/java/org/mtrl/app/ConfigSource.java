package org.mtrl.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.Messages;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;

/**
 * Turns the command line's positional arguments into a resolved configuration: an optional config file
 * or preset name, then {@code key=value} overrides, layered over the built-in defaults.
 */
final class ConfigSource {
    static final String PRESETS = "/org/mtrl/app/presets/";
    static final List<String> PRESET_NAMES = List.of("default", "tiny");

    private final ObjectNode layer;
    private final List<String> overrides;
    private final String description;

    private ConfigSource(ObjectNode layer, List<String> overrides, String description) {
        this.layer = layer;
        this.overrides = overrides;
        this.description = description;
    }

    /** Reads {@code [CONFIG|PRESET] [key=value...]}. */
    static ConfigSource of(List<String> arguments) {
        List<String> overrides = new ArrayList<>();
        String source = null;
        for (String argument : arguments) {
            if (argument.contains("=")) {
                overrides.add(argument);
            } else if (source == null && overrides.isEmpty()) {
                source = argument;
            } else {
                throw new ConfigException("", "unexpected argument '" + Messages.text(argument)
                        + "': give at most one config file or preset, first, then key=value overrides");
            }
        }
        if (source == null) {
            return new ConfigSource(preset("default"), overrides, "preset 'default'");
        }
        Path file = Path.of(source);
        if (Files.exists(file)) {
            return new ConfigSource(ConfigTrees.read(file), overrides, file.toString());
        }
        if (PRESET_NAMES.contains(source)) {
            return new ConfigSource(preset(source), overrides, "preset '" + source + "'");
        }
        throw new ConfigException("", "no config file or preset named '" + Messages.text(source) + "'; presets: "
                + String.join(", ", PRESET_NAMES) + "; an override needs the form key.path=value");
    }

    private static ObjectNode preset(String name) {
        String resource = PRESETS + name + ".yaml";
        try (InputStream in = ConfigSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing: " + resource);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return ConfigTrees.readResource(resource);
    }

    RunConfig resolve(PluginRegistry registry) {
        return new ConfigResolver(registry).resolve(List.of(ConfigTrees.builtInDefaults(), layer), overrides);
    }

    String description() {
        return description;
    }
}
