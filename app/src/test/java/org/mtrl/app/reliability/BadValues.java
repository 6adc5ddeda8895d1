package org.mtrl.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.mtrl.api.plugin.Param;
import org.mtrl.app.reliability.Bases.Target;
import org.mtrl.app.reliability.Bases.ValueType;

/** Values a parameter must refuse, generated from its {@link Param} declaration. */
final class BadValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BadValues() {
    }

    /** Lower-case words that cannot read back as a number, boolean or null. */
    static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(s -> "x" + s);
    }

    /** Keys that are not in {@code valid}: random identifiers, or one typing mistake away from a valid key. */
    static Arbitrary<String> unknownKey(Set<String> valid, boolean anyCharacters) {
        Arbitrary<String> random = anyCharacters
                ? Arbitraries.strings().withCharRange('a', 'z').withChars("-_ .:#é漢ÆΩ0123456789").ofMinLength(1)
                        .ofMaxLength(30).map(String::strip).filter(s -> !s.isEmpty())
                : Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars("-_0123456789")
                        .ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> misspelt = Combinators.combine(Arbitraries.of(List.copyOf(valid).stream().sorted().toList()),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40),
                Arbitraries.chars().range('a', 'z')).as(BadValues::misspell);
        return Arbitraries.oneOf(random, misspelt).filter(k -> !valid.contains(k) && !k.isEmpty());
    }

    private static String misspell(String key, int edit, int at, char c) {
        int i = at % key.length();
        StringBuilder s = new StringBuilder(key);
        switch (edit) {
            case 0 -> s.deleteCharAt(i);
            case 1 -> s.insert(i, c);
            case 2 -> s.setCharAt(i, c);
            case 3 -> s.setCharAt(i, Character.isUpperCase(s.charAt(i))
                    ? Character.toLowerCase(s.charAt(i)) : Character.toUpperCase(s.charAt(i)));
            default -> {
                if (key.length() > 1) {
                    int j = Math.min(i + 1, key.length() - 1);
                    s.setCharAt(j, key.charAt(i == j ? i - 1 : i));
                    s.setCharAt(i == j ? i - 1 : i, key.charAt(j));
                }
            }
        }
        return s.toString();
    }

    /** A value of another type than the target's. */
    static Arbitrary<JsonNode> wrongType(Target t) {
        Arbitrary<JsonNode> text = word().map(NODES::textNode);
        Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(NODES::booleanNode);
        Arbitrary<JsonNode> integer = Arbitraries.integers().between(-1000, 1000).map(NODES::numberNode);
        Arbitrary<JsonNode> mapping = Combinators.combine(word(), integer)
                .as((k, v) -> (JsonNode) NODES.objectNode().set(k, v));
        List<Arbitrary<JsonNode>> options = new ArrayList<>(List.of(mapping));
        switch (t.type()) {
            case INTEGER, LONG -> options.addAll(List.of(text, bool,
                    Arbitraries.integers().between(-1000, 1000).map(i -> NODES.numberNode(i + 0.5))));
            case NUMBER -> options.addAll(List.of(text, bool));
            case BOOLEAN -> options.addAll(List.of(text, integer));
            default -> options.addAll(List.of(integer, bool));
        }
        Arbitrary<JsonNode> bad = Arbitraries.oneOf(options);
        return t.list() ? inList(t, bad) : bad;
    }

    /** A number outside the target's range, or an integer too wide for its type. */
    static Arbitrary<JsonNode> outOfRange(Target t) {
        Param p = t.param();
        boolean integral = t.type() != ValueType.NUMBER;
        List<Arbitrary<JsonNode>> options = new ArrayList<>();
        if (p.min() != Double.NEGATIVE_INFINITY) {
            double min = p.min();
            options.add(integral
                    ? Arbitraries.longs().between(1, 1_000_000).map(k -> NODES.numberNode((long) Math.ceil(min) - k))
                    : Arbitraries.doubles().between(1e-9, 1e6).ofScale(9).map(d -> NODES.numberNode(min - d)));
            if (p.minExclusive() || integral) {
                // the boundary itself (excluded) or, for sizes >= 1, zero
                long below = (long) Math.ceil(min) - 1;
                options.add(Arbitraries.just(p.minExclusive()
                        ? integral ? NODES.numberNode((long) min) : NODES.numberNode(min) : NODES.numberNode(below)));
            }
        }
        if (p.max() != Double.POSITIVE_INFINITY) {
            double max = p.max();
            options.add(integral
                    ? Arbitraries.longs().between(1, 1_000_000).map(k -> NODES.numberNode((long) Math.floor(max) + k))
                    : Arbitraries.doubles().between(1e-9, 1e6).ofScale(9).map(d -> NODES.numberNode(max + d)));
        }
        if (t.type() == ValueType.INTEGER) {
            options.add(Arbitraries.longs().between(1L << 31, 1L << 62).map(v -> NODES.numberNode(v)));
        } else if (t.type() == ValueType.LONG) {
            options.add(Arbitraries.integers().between(0, 1000)
                    .map(k -> NODES.numberNode(BigInteger.TWO.pow(63).add(BigInteger.valueOf(k)))));
        }
        Arbitrary<JsonNode> bad = Arbitraries.oneOf(options);
        return t.list() ? inList(t, bad) : bad;
    }

    /** Whether {@link #outOfRange} has anything to offer for the target. */
    static boolean hasRange(Target t) {
        return t.bounded() || t.type() == ValueType.INTEGER || t.type() == ValueType.LONG;
    }

    /** NaN or an infinity. */
    static Arbitrary<JsonNode> nonFinite(Target t) {
        Arbitrary<JsonNode> bad = Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                .map(NODES::numberNode);
        return t.list() ? inList(t, bad) : bad;
    }

    /** An empty list, or a huge list whose elements are wrong for a scalar or one of which is wrong for a list. */
    static Arbitrary<JsonNode> emptyOrHugeList(Target t) {
        Arbitrary<JsonNode> empty = Arbitraries.just(NODES.arrayNode());
        Arbitrary<Integer> size = Arbitraries.integers().between(1000, 20_000);
        Arbitrary<JsonNode> huge = t.list()
                ? Combinators.combine(size, Arbitraries.integers().between(0, 19_999), Arbitraries.of("x", "-1"))
                        .as((n, at, bad) -> {
                            ArrayNode list = validList(t, n);
                            list.set(at % n, bad.equals("x") ? NODES.textNode("x") : NODES.numberNode(-1));
                            return list;
                        })
                : size.map(n -> validList(t, n));
        return Arbitraries.oneOf(empty, huge);
    }

    /** The bad value alone, or at a random index of an otherwise valid list. */
    private static Arbitrary<JsonNode> inList(Target t, Arbitrary<JsonNode> bad) {
        return Combinators.combine(bad, Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5))
                .as((value, before, after) -> {
                    if (before == 0 && after == 0) {
                        return value;
                    }
                    ArrayNode list = validList(t, before + after);
                    list.insert(before, value);
                    return list;
                });
    }

    /** n distinct in-range values of the target's element type (1, 2, 3, ... for sizes). */
    private static ArrayNode validList(Target t, int n) {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            switch (t.type()) {
                case BOOLEAN -> list.add(i % 2 == 0);
                case STRING -> list.add("x" + i);
                default -> list.add(Math.max(1, (long) Math.ceil(t.param().min())) + i);
            }
        }
        return list;
    }
}
