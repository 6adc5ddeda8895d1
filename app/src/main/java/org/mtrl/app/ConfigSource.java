package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.Messages;
import org.mtrl.core.config.Overrides;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.sweep.DerivedValues;
import org.mtrl.core.sweep.SweepDefinition;
import org.mtrl.core.sweep.SweepSpec;
import org.mtrl.core.sweep.ThresholdSearch;

/**
 * Turns the command line's positional arguments into a resolved configuration: an optional config file
 * or preset name, then {@code key=value} overrides, layered over the built-in defaults. The file's
 * {@code sweep:} grid, the {@code figures:} its report draws and its {@code scaling:} keys are split off
 * before resolution ({@code mtrl run} of a sweep preset runs its base configuration once); a
 * {@code scale=F} argument multiplies the scaling keys. For {@code mtrl sweep}, {@code search.KEY=VALUE}
 * arguments change the file's threshold search (or make one); other commands refuse them.
 */
final class ConfigSource {
    static final String PRESETS = "/org/mtrl/app/presets/";
    static final List<String> PRESET_NAMES = List.of("default", "tiny", "tasks-sweep", "dimension-sweep",
            "downstream-samples", "ablation-head-order", "task-families", "transfer", "rounds", "sample-complexity",
            "sample-complexity-large-d", "downstream-complexity", "width", "label-noise", "tiny-search");

    private final ObjectNode layer;
    private final List<String> overrides;
    private final String description;
    private final String name;
    private final JsonNode sweep;
    private final JsonNode figures;
    private final JsonNode scaling;
    private final JsonNode derived;
    private final JsonNode search;
    private final List<String> searchSettings;

    private ConfigSource(ObjectNode layer, List<String> overrides, List<String> searchSettings, String description,
                         String name) {
        this.scaling = layer.remove(PresetScale.BLOCK);
        this.sweep = layer.remove(SweepSpec.BLOCK);
        this.figures = layer.remove(SweepDefinition.FIGURES);
        this.derived = layer.remove(DerivedValues.BLOCK);
        this.search = layer.remove(ThresholdSearch.BLOCK);
        List<String> rest = new ArrayList<>();
        for (String override : overrides) {
            if (override.startsWith(PresetScale.KEY + "=")) {
                PresetScale.apply(layer, scaling, override.substring(PresetScale.KEY.length() + 1));
            } else {
                rest.add(override);
            }
        }
        this.layer = layer;
        this.overrides = rest;
        this.searchSettings = List.copyOf(searchSettings);
        this.description = description;
        this.name = name;
    }

    /** Reads {@code [CONFIG|PRESET] [key=value...]}. */
    static ConfigSource of(List<String> arguments) {
        return parse(arguments, false);
    }

    /** Reads {@code [CONFIG|PRESET] [key=value...] [search.KEY=VALUE...]}: a sweep's arguments. */
    static ConfigSource forSweep(List<String> arguments) {
        return parse(arguments, true);
    }

    private static ConfigSource parse(List<String> arguments, boolean sweep) {
        List<String> overrides = new ArrayList<>();
        List<String> searchSettings = new ArrayList<>();
        String source = null;
        for (String argument : arguments) {
            if (ThresholdSearch.isSetting(argument)) {
                if (!sweep) {
                    throw new ConfigException(ThresholdSearch.BLOCK, "'" + Messages.text(argument) + "' sets a "
                            + "threshold search, which only mtrl sweep runs");
                }
                searchSettings.add(argument);
            } else if (argument.contains("=")) {
                overrides.add(argument);
            } else if (source == null && overrides.isEmpty()) {
                source = argument;
            } else {
                throw new ConfigException("", "unexpected argument '" + Messages.text(argument)
                        + "': give at most one config file or preset, first, then key=value overrides");
            }
        }
        if (source == null) {
            return new ConfigSource(preset("default"), overrides, searchSettings, "preset 'default'", "default");
        }
        Path file = Path.of(source);
        if (Files.exists(file)) {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return new ConfigSource(ConfigTrees.read(file), overrides, searchSettings, file.toString(), stem);
        }
        if (PRESET_NAMES.contains(source)) {
            return new ConfigSource(preset(source), overrides, searchSettings, "preset '" + source + "'", source);
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

    /** What the file or preset and the overrides set, before the built-in defaults fill in the rest. */
    ObjectNode given() {
        return Overrides.apply(layer, overrides);
    }

    String description() {
        return description;
    }

    /** The preset's name or the file's name without its extension. */
    String name() {
        return name;
    }

    /** The {@code key=value} overrides, in order ({@code scale=F} is applied to the layer instead). */
    List<String> overrides() {
        return List.copyOf(overrides);
    }

    /** The file's {@code sweep:} block, or null. */
    JsonNode sweep() {
        return sweep;
    }

    /** The file's threshold search with the {@code search.*} arguments applied, or null. */
    ThresholdSearch search() {
        return ThresholdSearch.fromBlock(search, searchSettings);
    }

    /**
     * The file's {@code derived:} values, and with a {@code scale} axis in {@code grid}, each scaling key
     * the grid and the search leave alone as {@code <its value> * scale}.
     */
    DerivedValues derived(SweepSpec grid) {
        Map<String, String> expressions = new LinkedHashMap<>(DerivedValues.fromBlock(derived).expressions());
        if (grid.axes().stream().anyMatch(a -> a.key().equals(SweepSpec.SCALE))) {
            List<String> fixed = new ArrayList<>(grid.axes().stream()
                    .flatMap(a -> SweepSpec.keysOf(a.key()).stream()).toList());
            ThresholdSearch searched = search();
            if (searched != null) {
                fixed.addAll(searched.keys());
            }
            for (String key : PresetScale.keys(layer, scaling)) {
                if (!fixed.contains(key) && !expressions.containsKey(key)) {
                    expressions.put(key, PresetScale.valueOf(layer, key) + " * " + SweepSpec.SCALE);
                }
            }
        }
        return new DerivedValues(expressions);
    }

    /** The file's {@code figures:} list, or null. */
    JsonNode figures() {
        return figures;
    }
}
