package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line overrides {@code dotted.key.path=value}, e.g. {@code model.width=400} or
 * {@code probes.downstream-linear.samples=[100,300]}. The value is a YAML flow value (number,
 * boolean, null, string, {@code [list]}, {@code {map}}; empty means null); missing intermediate
 * mappings are created. An override that changes a component's {@code type} (a slot's, a probe's or
 * a component-valued parameter's, e.g. {@code probes.downstream-linear.tasks.type}) is applied first
 * and replaces the whole component by {@code {type: new}}, since the old type's keys would not fit
 * the new one; the others then apply in the order given.
 */
public final class Overrides {
    private static final String EXPECTED_FORM = "expected key.path=value, e.g. model.width=400";

    private Overrides() {
    }

    /** A new tree: {@code tree} with {@code overrides} applied ({@code tree} is not modified). */
    public static ObjectNode apply(ObjectNode tree, List<String> overrides) {
        List<Assignment> parsed = overrides.stream().map(Assignment::parse).toList();
        ObjectNode result = tree.deepCopy();
        List<Assignment> rest = new ArrayList<>();
        for (Assignment assignment : parsed) {
            if (assignment.changesSlotType(result)) {
                ObjectNode slot = result.objectNode();
                slot.set(ConfigKeys.TYPE, assignment.value());
                assignment.set(result, assignment.path().subList(0, assignment.path().size() - 1), slot);
            } else {
                rest.add(assignment);
            }
        }
        for (Assignment assignment : rest) {
            assignment.set(result, assignment.path(), assignment.value());
        }
        return result;
    }

    /** One parsed override: the text, its key path and its value. */
    private record Assignment(String text, List<String> path, JsonNode value) {

        static Assignment parse(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw malformed(text, "no '='");
            }
            String key = text.substring(0, eq);
            if (key.isBlank()) {
                throw malformed(text, "empty key");
            }
            List<String> path = Arrays.asList(key.split("\\.", -1));
            if (path.stream().anyMatch(String::isBlank)) {
                throw malformed(text, "empty key segment");
            }
            JsonNode value = ConfigTrees.parseValue(text.substring(eq + 1), "override '" + Messages.text(text) + "'");
            return new Assignment(text, List.copyOf(path), value);
        }

        private static ConfigException malformed(String text, String problem) {
            return new ConfigException("", "malformed override '" + Messages.text(text) + "' (" + problem + "); " + EXPECTED_FORM);
        }

        /** Whether this sets a component's {@code ...type} to a type other than the current one. */
        boolean changesSlotType(ObjectNode tree) {
            if (path.size() < 2 || !path.get(path.size() - 1).equals(ConfigKeys.TYPE)) {
                return false;
            }
            JsonNode current = tree;
            for (String key : path) {
                current = current.path(key);
            }
            return current.isTextual() && !current.equals(value);
        }

        /** Sets {@code target} at {@code at} in {@code tree}, creating missing (or null) mappings on the way. */
        void set(ObjectNode tree, List<String> at, JsonNode target) {
            ObjectNode node = tree;
            for (int i = 0; i < at.size() - 1; i++) {
                JsonNode child = node.get(at.get(i));
                if (child == null || child.isNull()) {
                    child = node.putObject(at.get(i));
                } else if (!child.isObject()) {
                    throw new ConfigException(String.join(".", at.subList(0, i + 1)), "override '" + Messages.text(text)
                            + "' sets a key inside " + Messages.show(child) + ", which is not a mapping");
                }
                node = (ObjectNode) child;
            }
            node.set(at.get(at.size() - 1), target);
        }
    }
}
