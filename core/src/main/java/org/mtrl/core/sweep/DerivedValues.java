package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.core.config.Arithmetic;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.Overrides;

/**
 * A sweep's {@code derived:} block: keys whose value each cell computes from its other values
 * ({@code optimizer.repSamples: "20 * data.dim"}), in declaration order, so a later one may use an
 * earlier one. A name in an expression is a dotted key of the cell's configuration or an axis that is
 * not one ({@code scale}). The result is rounded to the nearest integer unless the key holds a
 * fractional number; a key holding a one-number list ({@code samples: [100]}) gets a one-number list.
 *
 * @param expressions by key, in order
 */
public record DerivedValues(Map<String, String> expressions) {
    public static final String BLOCK = "derived";
    public static final DerivedValues NONE = new DerivedValues(Map.of());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public DerivedValues {
        expressions = Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
    }

    /** The block as written in a sweep file; null or absent is none. */
    public static DerivedValues fromBlock(JsonNode block) {
        if (block == null || block.isNull()) {
            return NONE;
        }
        if (!block.isObject()) {
            throw new ConfigException(BLOCK, "expected a mapping from dotted keys to expressions, got " + block);
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : block.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isTextual() && !value.isNumber()) {
                throw new ConfigException(BLOCK + "." + entry.getKey(), "expected an expression such as \"20 * data.dim\", got "
                        + value);
            }
            expressions.put(entry.getKey(), value.asText());
        }
        return new DerivedValues(expressions);
    }

    public ObjectNode toBlock() {
        ObjectNode block = NODES.objectNode();
        expressions.forEach(block::put);
        return block;
    }

    public boolean isEmpty() {
        return expressions.isEmpty();
    }

    /**
     * The overrides {@code key=value} that set every derived key of a cell whose configuration, before
     * resolution, is {@code tree}, and whose axes that are not configuration keys are {@code variables}.
     */
    public List<String> overrides(ObjectNode tree, Map<String, JsonNode> variables) {
        List<String> overrides = new ArrayList<>();
        ObjectNode current = tree;
        for (Map.Entry<String, String> entry : expressions.entrySet()) {
            String key = entry.getKey();
            ObjectNode seen = current;
            double value = Arithmetic.evaluate(entry.getValue(), BLOCK + "." + key, name -> {
                JsonNode node = variables.containsKey(name) ? variables.get(name) : at(seen, name);
                if (node != null && node.isArray() && node.size() == 1) {
                    node = node.get(0);
                }
                if (node == null || !node.isNumber()) {
                    throw new ConfigException(BLOCK + "." + key, "the expression '" + entry.getValue() + "' uses "
                            + name + ", which is " + (node == null ? "not set" : "not a number but " + node)
                            + " in this cell; allowed names: numeric configuration keys and the axes "
                            + variables.keySet());
                }
                return node.doubleValue();
            });
            String override = key + "=" + ConfigTrees.toJson(valueFor(at(current, key), value));
            overrides.add(override);
            current = Overrides.apply(current, List.of(override));
        }
        return overrides;
    }

    private static JsonNode valueFor(JsonNode old, double value) {
        boolean list = old != null && old.isArray();
        JsonNode held = list && old.size() == 1 ? old.get(0) : old;
        JsonNode number = held != null && held.isNumber() && !held.isIntegralNumber() && held.doubleValue() % 1 != 0
                ? NODES.numberNode(value) : NODES.numberNode(Math.round(value));
        return list ? NODES.arrayNode().add(number) : number;
    }

    /** The node at the dotted key {@code dotted} of {@code tree}, or null. */
    static JsonNode at(JsonNode tree, String dotted) {
        JsonNode node = tree;
        for (String part : dotted.split("\\.", -1)) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }
}
