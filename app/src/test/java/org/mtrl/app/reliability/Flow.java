package org.mtrl.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A value as one line of text: YAML flow style (for overrides and YAML files) or JSON. */
final class Flow {
    private Flow() {
    }

    /** YAML flow text; non-finite numbers as {@code .nan}, {@code .inf}, {@code -.inf}. */
    static String yaml(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(yaml(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                entries.add(quoted(e.getKey()) + ": " + yaml(e.getValue()));
            }
            return "{" + String.join(", ", entries) + "}";
        }
        if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
            double v = value.doubleValue();
            return Double.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
        }
        return value.isTextual() ? quoted(value.textValue()) : value.toString();
    }

    /** JSON text, or null if the value has a non-finite number (which JSON cannot write). */
    static String json(JsonNode value) {
        return finite(value) ? value.toString() : null;
    }

    private static boolean finite(JsonNode value) {
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (!finite(child)) {
                    return false;
                }
            }
            return true;
        }
        return !value.isDouble() || Double.isFinite(value.doubleValue());
    }

    /** A double-quoted string, valid in both JSON and YAML. */
    static String quoted(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
