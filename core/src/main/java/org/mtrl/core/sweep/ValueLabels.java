package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Short readable labels of swept values, for tables, legends and progress lines. */
public final class ValueLabels {
    private ValueLabels() {
    }

    /**
     * A scalar as written ({@code 5}, {@code single-task}); a mapping as its {@code type} followed by its
     * other keys ({@code joint-gradient headInit=0.01}); a list as {@code [25 50]}.
     */
    public static String of(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            JsonNode type = value.get("type");
            if (type != null) {
                parts.add(of(type));
            }
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (!entry.getKey().equals("type")) {
                    parts.add(entry.getKey() + "=" + of(entry.getValue()));
                }
            }
            return String.join(" ", parts);
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(of(v)));
            return "[" + String.join(" ", parts) + "]";
        }
        return value.asText();
    }
}
