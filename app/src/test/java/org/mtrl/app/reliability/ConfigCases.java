package org.mtrl.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.mtrl.app.reliability.Bases.Base;
import org.mtrl.app.reliability.Bases.Target;
import org.mtrl.core.config.ConfigTrees;

/**
 * Generators of bad configurations: a valid base with one mutation, written as a YAML or JSON file or
 * given as a {@code key=value} override.
 */
final class ConfigCases {
    private static final String MARK = "MTRLFUZZMARK";

    private ConfigCases() {
    }

    /** How a mutation reaches the command line. */
    enum Form { YAML, JSON, OVERRIDE }

    /** One value at {@code location.key} of a base; the error must name {@code expected}. */
    record Mutation(Base base, String location, String key, JsonNode value, String expected) {
        String path() {
            return location.isEmpty() ? key : location + "." + key;
        }

        CliCase render(Category category, Form form) {
            if (form == Form.OVERRIDE) {
                List<String> overrides = new ArrayList<>(base.overrides());
                overrides.add(path() + "=" + Flow.yaml(value));
                return CliCase.overrides(category, overrides, List.of(expected), List.of());
            }
            ObjectNode tree = base.tree().deepCopy();
            ObjectNode at = tree;
            for (String k : location.isEmpty() ? List.<String>of() : List.of(location.split("\\."))) {
                at = (ObjectNode) at.get(k);
            }
            at.set(key, TextNode.valueOf(MARK));
            String json = Flow.json(value);
            boolean asJson = form == Form.JSON && json != null;
            String text = asJson ? ConfigTrees.toJson(tree).replace("\"" + MARK + "\"", json)
                    : ConfigTrees.toYaml(tree).replace(MARK, Flow.yaml(value));
            return CliCase.file(category, asJson ? "JSON file" : "YAML file", asJson ? "bad.json" : "bad.yaml", text,
                    List.of(expected), List.of());
        }
    }

    /** Mutations setting a parameter of a random base to a value {@code bad} generates for it. */
    static Arbitrary<Mutation> parameter(java.util.function.Predicate<Target> eligible,
                                         Function<Target, Arbitrary<JsonNode>> bad) {
        return Bases.any().flatMap(base -> Arbitraries.of(base.targets().stream().filter(eligible).toList())
                .flatMap(t -> bad.apply(t).map(v -> new Mutation(base, t.slot(), t.name(), v, t.path()))));
    }

    /** An unknown key at a random location of a random base. */
    static Arbitrary<Mutation> unknownKey(boolean anyCharacters) {
        return Bases.any().flatMap(base -> Arbitraries.of(base.locations()).flatMap(location ->
                Combinators.combine(BadValues.unknownKey(base.keysAt(location), anyCharacters),
                        Arbitraries.integers().between(1, 9)).as((key, v) -> {
                            String path = location.isEmpty() ? key : location + "." + key;
                            return new Mutation(base, location, key, com.fasterxml.jackson.databind.node.IntNode
                                    .valueOf(v), path.length() <= 40 ? path : location);
                        })));
    }

    static Arbitrary<Form> fileForms() {
        return Arbitraries.of(Form.YAML, Form.JSON);
    }

    /** The base of {@code mutation} rendered as YAML, for text-level mutations. */
    static String yaml(Base base) {
        return ConfigTrees.toYaml(base.tree());
    }

    static String json(Base base) {
        return ConfigTrees.toJson(base.tree());
    }
}
