package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Layers configuration trees (built-in defaults, then files, in order). Mappings merge key by key;
 * lists and scalars replace. Two exceptions make layers mean what they say: a component (a slot
 * such as {@code tasks}, or a component-valued parameter such as a probe's {@code tasks}) whose
 * {@code type} changes is replaced wholesale, since the old type's keys would not fit the new type;
 * and a layer's {@code probes} replaces the probes before it, since a file that lists probes means
 * exactly those.
 */
public final class ConfigMerger {

    private ConfigMerger() {
    }

    /** A new tree: {@code overlay} layered on {@code base} (neither is modified). */
    public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode result = base.deepCopy();
        for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals(ConfigKeys.PROBES)) {
                result.set(key, value.deepCopy());
            } else {
                mergeInto(result, key, value);
            }
        }
        return result;
    }

    private static boolean changesType(JsonNode baseSlot, JsonNode overlaySlot) {
        JsonNode baseType = baseSlot == null ? null : baseSlot.get(ConfigKeys.TYPE);
        JsonNode overlayType = overlaySlot.get(ConfigKeys.TYPE);
        return baseType != null && overlayType != null && !baseType.equals(overlayType);
    }

    private static void mergeInto(ObjectNode target, String key, JsonNode value) {
        JsonNode existing = target.get(key);
        if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject
                && !changesType(existingObject, valueObject)) {
            for (Map.Entry<String, JsonNode> entry : valueObject.properties()) {
                mergeInto(existingObject, entry.getKey(), entry.getValue());
            }
        } else {
            target.set(key, value.deepCopy());
        }
    }
}
