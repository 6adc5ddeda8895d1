package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtrl.core.config.ConfigTrees;

/**
 * The values a configuration file or preset gives a component whose type a sweep axis changes
 * ({@code optimizer.type: [a, b]}, or an axis of whole {@code optimizer} mappings). A type change
 * replaces the component by {@code {type: new}}, so these values are turned into overrides that every
 * cell applies again after its axis values, exactly like the command line's: a type that lacks one is
 * refused, never run without it.
 */
public final class TypeAxisValues {
    private static final String TYPE = "type";

    private TypeAxisValues() {
    }

    /**
     * The overrides {@code key=value} for every key that {@code given} (the file's or preset's layer with
     * the command line's overrides applied, before the built-in defaults) sets in a component a type axis
     * of {@code spec} changes, except the {@code type} itself, keys an axis sets, keys every cell computes
     * ({@code computed}: the searched and the derived keys), and keys of {@code overrides} (re-applied
     * already).
     */
    public static List<String> of(ObjectNode given, SweepSpec spec, List<String> computed, List<String> overrides) {
        List<String> carried = new ArrayList<>();
        for (SweepSpec.Axis axis : spec.axes()) {
            String component = componentOf(axis);
            if (component == null) {
                continue;
            }
            JsonNode settings = DerivedValues.at(given, component);
            if (settings == null || !settings.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : settings.properties()) {
                String key = component + "." + entry.getKey();
                if (!entry.getKey().equals(TYPE) && !setByAxis(spec, key) && !computed.contains(key)
                        && !overridden(overrides, key)
                        && carried.stream().noneMatch(c -> c.startsWith(key + "="))) {
                    carried.add(key + "=" + ConfigTrees.toJson(entry.getValue()));
                }
            }
        }
        return carried;
    }

    /** The component whose type {@code axis} changes, or null. */
    private static String componentOf(SweepSpec.Axis axis) {
        String suffix = "." + TYPE;
        if (axis.key().endsWith(suffix)) {
            return axis.key().substring(0, axis.key().length() - suffix.length());
        }
        return axis.values().stream().allMatch(v -> v.isObject() && v.has(TYPE)) ? axis.key() : null;
    }

    private static boolean setByAxis(SweepSpec spec, String key) {
        return spec.axes().stream().flatMap(a -> SweepSpec.keysOf(a.key()).stream())
                .anyMatch(axisKey -> axisKey.equals(key) || axisKey.startsWith(key + "."));
    }

    private static boolean overridden(List<String> overrides, String key) {
        return overrides.stream().anyMatch(o -> o.startsWith(key + "="));
    }
}
