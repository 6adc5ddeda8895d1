package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.Overrides;
import org.mtrl.core.record.AtomicFiles;

/**
 * What a sweep folder's {@code sweep.yaml} holds, enough to resume it: the resolved base configuration,
 * the command line's overrides, the grid, the derived values, the threshold search if it is one, and
 * the figures its report draws (passed through as given).
 *
 * @param base      the resolved base configuration (overrides included)
 * @param overrides the {@code key=value} overrides given with the base: applied again in every cell after
 *                  its axis values, so that an axis changing a slot's {@code type} keeps them
 * @param figures   a list of figure settings, or null
 * @param derived   keys every cell computes from its other values
 * @param search    the threshold search run at every grid point, or null for a plain grid
 */
public record SweepDefinition(ObjectNode base, List<String> overrides, SweepSpec spec, JsonNode figures,
                              DerivedValues derived, ThresholdSearch search) {
    public static final String FILE = "sweep.yaml";
    /** The folder of the cells, each named by the hash of its resolved configuration. */
    public static final String CELLS = "cells";
    public static final String FIGURES = "figures";
    private static final String BASE = "base";
    private static final String OVERRIDES = "overrides";

    /**
     * @throws ConfigException if an override, a derived value or the searched key sets a key an axis also
     *                         sets: which one holds in a cell would depend on the order they are applied in
     */
    public SweepDefinition {
        overrides = List.copyOf(overrides);
        for (String override : overrides) {
            String key = keyOf(override);
            for (SweepSpec.Axis axis : spec.axes()) {
                for (String axisKey : SweepSpec.keysOf(axis.key())) {
                    if (key.equals(axisKey) || key.startsWith(axisKey + ".") && axis.values().stream()
                            .anyMatch(v -> sets(v, key.substring(axisKey.length() + 1)))) {
                        throw new ConfigException(key, "set both by the override '" + override + "' and by the sweep "
                                + "axis " + axis.key() + "; give it in one place");
                    }
                }
            }
        }
        List<String> computed = computedKeys(derived, search);
        for (String override : overrides) {
            if (computed.contains(keyOf(override))) {
                throw new ConfigException(keyOf(override), "set both by the override '" + override + "' and by the "
                        + "sweep's " + blockOf(keyOf(override), derived) + " block; give it in one place");
            }
        }
        if (search != null) {
            if (derived.expressions().keySet().stream().anyMatch(search.keys()::contains)) {
                throw new ConfigException(ThresholdSearch.BLOCK + ".key", "a searched key is also a derived value; "
                        + "give it in one place");
            }
            if (search.fit() != null && spec.axes().stream().noneMatch(a -> a.key().equals(search.fit())
                    && a.values().stream().allMatch(v -> v.isNumber() && v.doubleValue() > 0))) {
                throw new ConfigException(ThresholdSearch.BLOCK + ".fit", "'" + search.fit() + "' is not an axis of "
                        + "positive numbers in the grid; its axes: " + spec.axes().stream().map(SweepSpec.Axis::key).toList());
            }
        }
        for (String key : computed) {
            for (SweepSpec.Axis axis : spec.axes()) {
                if (SweepSpec.keysOf(axis.key()).contains(key)) {
                    throw new ConfigException(key, "set both by the sweep axis " + axis.key() + " and by the sweep's "
                            + blockOf(key, derived) + " block; give it in one place");
                }
            }
        }
    }

    /** The keys every cell computes: the derived ones and the searched ones. */
    public static List<String> computedKeys(DerivedValues derived, ThresholdSearch search) {
        List<String> computed = new ArrayList<>(derived.expressions().keySet());
        if (search != null) {
            computed.addAll(search.keys());
        }
        return computed;
    }

    private static String blockOf(String key, DerivedValues derived) {
        return derived.expressions().containsKey(key) ? DerivedValues.BLOCK : ThresholdSearch.BLOCK;
    }

    /** A plain grid: no derived values, no search. */
    public SweepDefinition(ObjectNode base, List<String> overrides, SweepSpec spec, JsonNode figures) {
        this(base, overrides, spec, figures, DerivedValues.NONE, null);
    }

    /**
     * The overrides every cell applies again after its axis values: all but those holding a key an axis,
     * the search or a derived value sets ({@code probes={...}} beside {@code probes.x.y=1,2}), which that
     * key refines and which stay in the base.
     */
    public List<String> cellOverrides() {
        List<String> refined = new ArrayList<>(computedKeys(derived, search));
        spec.axes().forEach(axis -> refined.addAll(SweepSpec.keysOf(axis.key())));
        return overrides.stream().filter(o -> refined.stream().noneMatch(key -> key.startsWith(keyOf(o) + "."))).toList();
    }

    /** The overrides that turn the base into {@code cell}'s configuration: its axes, the shared ones, the derived. */
    public List<String> overridesOf(SweepCell cell) {
        List<String> overrides = new ArrayList<>(cell.overrides(cellOverrides()));
        if (!derived.isEmpty()) {
            Map<String, JsonNode> variables = new LinkedHashMap<>();
            JsonNode scale = cell.values().get(SweepSpec.SCALE);
            if (scale != null) {
                variables.put(SweepSpec.SCALE, scale);
            }
            overrides.addAll(derived.overrides(Overrides.apply(base, overrides), variables));
        }
        return overrides;
    }

    private static String keyOf(String override) {
        int eq = override.indexOf('=');
        return eq < 0 ? override : override.substring(0, eq);
    }

    /** Whether the mapping {@code value} holds the dotted key {@code path}. */
    private static boolean sets(JsonNode value, String path) {
        JsonNode node = value;
        for (String part : path.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return false;
            }
            node = node.get(part);
        }
        return node != null;
    }

    /** Whether {@code folder} is a sweep folder. */
    public static boolean isSweep(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static SweepDefinition read(Path folder) {
        Path file = folder.resolve(FILE);
        ObjectNode tree = ConfigTrees.read(file);
        JsonNode base = tree.get(BASE);
        if (base == null || !base.isObject()) {
            throw new ConfigException("", file + " has no 'base' configuration");
        }
        List<String> overrides = new ArrayList<>();
        JsonNode list = tree.get(OVERRIDES);
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new ConfigException("", file + ": '" + OVERRIDES + "' must be a list of key=value texts");
            }
            list.forEach(o -> overrides.add(o.asText()));
        }
        JsonNode figures = tree.get(FIGURES);
        try {
            return new SweepDefinition((ObjectNode) base, overrides, SweepSpec.fromBlock(tree.get(SweepSpec.BLOCK)),
                    figures == null || figures.isNull() ? null : figures,
                    DerivedValues.fromBlock(tree.get(DerivedValues.BLOCK)),
                    ThresholdSearch.fromBlock(tree.get(ThresholdSearch.BLOCK)));
        } catch (ConfigException e) {
            throw new ConfigException("", file + ": " + e.getMessage());
        }
    }

    /** This sweep with another grid. */
    public SweepDefinition withSpec(SweepSpec grid) {
        return new SweepDefinition(base, overrides, grid, figures, derived, search);
    }

    /** This sweep with another threshold search (null: a plain grid). */
    public SweepDefinition withSearch(ThresholdSearch threshold) {
        return new SweepDefinition(base, overrides, spec, figures, derived, threshold);
    }

    public void write(Path folder) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set(BASE, base);
        if (!overrides.isEmpty()) {
            ArrayNode list = tree.putArray(OVERRIDES);
            overrides.forEach(list::add);
        }
        tree.set(SweepSpec.BLOCK, spec.toBlock());
        if (!derived.isEmpty()) {
            tree.set(DerivedValues.BLOCK, derived.toBlock());
        }
        if (search != null) {
            tree.set(ThresholdSearch.BLOCK, search.toBlock());
        }
        if (figures != null) {
            tree.set(FIGURES, figures);
        }
        AtomicFiles.write(folder.resolve(FILE), ConfigTrees.toYaml(tree));
    }
}
