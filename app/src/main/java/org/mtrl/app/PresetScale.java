package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mtrl.core.config.ConfigException;

/**
 * The {@code scale=F} knob of a configuration with a {@code scaling:} list of dotted keys: each listed
 * value is multiplied by {@code F} (integers rounded, at least 1), so a preset that finishes in minutes
 * at its default scale grows to the full-size version with one argument.
 */
final class PresetScale {
    static final String KEY = "scale";
    static final String BLOCK = "scaling";

    private PresetScale() {
    }

    /** {@code layer} with its {@code scaling} keys multiplied by {@code factor} (text of a positive number). */
    static void apply(ObjectNode layer, JsonNode scaling, String factorText) {
        double factor;
        try {
            factor = Double.parseDouble(factorText);
        } catch (NumberFormatException e) {
            throw new ConfigException(KEY, "expected a positive number, got '" + factorText + "'");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new ConfigException(KEY, "expected a positive number, got '" + factorText + "'");
        }
        for (String key : keys(layer, scaling)) {
            String[] path = key.split("\\.");
            ObjectNode parent = (ObjectNode) parentOf(layer, path);
            JsonNode value = parent.get(path[path.length - 1]);
            String name = path[path.length - 1];
            if (value.isIntegralNumber()) {
                parent.put(name, Math.max(1L, Math.round(value.doubleValue() * factor)));
            } else {
                parent.put(name, value.doubleValue() * factor);
            }
        }
    }

    /**
     * The dotted keys of {@code scaling}, each checked to hold a number in {@code layer}.
     *
     * @throws ConfigException naming the first key that does not
     */
    static List<String> keys(ObjectNode layer, JsonNode scaling) {
        if (scaling == null || !scaling.isArray() || scaling.isEmpty()) {
            throw new ConfigException(KEY, "this configuration declares no '" + BLOCK
                    + "' keys, so it has no scale to change");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode keyNode : scaling) {
            String key = keyNode.asText();
            String[] path = key.split("\\.");
            JsonNode parent = parentOf(layer, path);
            JsonNode value = parent.get(path[path.length - 1]);
            if (!(parent instanceof ObjectNode) || value == null || !value.isNumber()) {
                throw new ConfigException(BLOCK, "'" + key + "' must be a number set in this configuration");
            }
            keys.add(key);
        }
        return keys;
    }

    /** The number {@code key} (one of {@link #keys}) holds in {@code layer}, as written. */
    static String valueOf(ObjectNode layer, String key) {
        String[] path = key.split("\\.");
        return parentOf(layer, path).get(path[path.length - 1]).asText();
    }

    private static JsonNode parentOf(ObjectNode layer, String[] path) {
        JsonNode parent = layer;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.path(path[i]);
        }
        return parent;
    }
}
