package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.Overrides;

/**
 * A sweep's {@code search:} block: for every point of the grid (each seed apart), the smallest value of
 * an integer key at which a metric reaches a target, found by doubling from {@code start} (at most
 * {@code max}) and then bisecting on a log scale until the bracket's ratio is at most {@code ratio}.
 *
 * @param key    the searched key; {@code a=b} sets several keys together, like a linked axis
 * @param metric the metric the target is about, e.g. {@code subspace-distance.max}
 * @param atMost whether the target is {@code metric <= value} (else {@code metric >= value})
 * @param value  the target value
 * @param fit    the grid key a power law is fitted against ({@code fits.csv}), or null
 */
public record ThresholdSearch(String key, String metric, boolean atMost, double value, long start, long max,
                              double ratio, String fit) {
    public static final String BLOCK = "search";
    private static final Pattern TARGET = Pattern.compile("\\s*(\\S+)\\s*(<=|>=)\\s*(\\S+)\\s*");
    private static final Set<String> FIELDS = Set.of("key", "target", "start", "max", "ratio", "fit");

    public ThresholdSearch {
        String at = BLOCK;
        if (start < 1 || max < start) {
            throw new ConfigException(at + ".start", "start " + start + " and max " + max
                    + " must satisfy 1 <= start <= max");
        }
        if (!(ratio > 1) || Double.isInfinite(ratio)) {
            throw new ConfigException(at + ".ratio", "value " + ratio + " is out of range; allowed: > 1 (e.g. 1.1: "
                    + "the threshold is bracketed to within 10%)");
        }
        if (!Double.isFinite(value)) {
            throw new ConfigException(at + ".target", "the target value must be a finite number, got " + value);
        }
    }

    /** Whether {@code observed} reaches the target. */
    public boolean reached(double observed) {
        return atMost ? observed <= value : observed >= value;
    }

    /** {@code subspace-distance.max <= 0.3}. */
    public String target() {
        return metric + (atMost ? " <= " : " >= ") + value;
    }

    /**
     * Whether a command-line argument sets the search: {@code search.KEY=VALUE} (one setting, e.g.
     * {@code search.max=409600}) or {@code search={...}} (the whole block).
     */
    public static boolean isSetting(String argument) {
        return argument.startsWith(BLOCK + ".") || argument.startsWith(BLOCK + "=");
    }

    /**
     * The block as written in a sweep file (null for none) with the command line's {@link #isSetting
     * settings} applied in order, or null when there is neither. The settings can make a search of a
     * file without one, if they give every required field.
     */
    public static ThresholdSearch fromBlock(JsonNode block, List<String> settings) {
        if (settings.isEmpty() || (block != null && !block.isNull() && !block.isObject())) {
            return fromBlock(block); // a malformed block is reported as such before any setting applies
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set(BLOCK, block == null || block.isNull() ? JsonNodeFactory.instance.objectNode() : block);
        return fromBlock(Overrides.apply(tree, settings).get(BLOCK));
    }

    /** The block as written in a sweep file, or null for none. */
    public static ThresholdSearch fromBlock(JsonNode block) {
        if (block == null || block.isNull()) {
            return null;
        }
        if (!block.isObject()) {
            throw new ConfigException(BLOCK, "expected a mapping with key, target, start, max, ratio and fit, got " + block);
        }
        block.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new ConfigException(BLOCK + "." + name, "unknown setting; allowed: key, target, start, max, "
                        + "ratio, fit");
            }
        });
        String key = text(block, "key");
        String targetText = text(block, "target");
        Matcher target = TARGET.matcher(targetText);
        double value;
        try {
            value = target.matches() ? Double.parseDouble(target.group(3)) : Double.NaN;
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (Double.isNaN(value)) {
            throw new ConfigException(BLOCK + ".target", "'" + targetText + "' is not a target; write METRIC <= VALUE "
                    + "or METRIC >= VALUE, e.g. subspace-distance.max <= 0.3");
        }
        JsonNode fit = block.get("fit");
        return new ThresholdSearch(key, target.group(1), target.group(2).equals("<="), value,
                integer(block, "start"), integer(block, "max"),
                block.has("ratio") ? number(block, "ratio") : 1.1, fit == null || fit.isNull() ? null : fit.asText());
    }

    public ObjectNode toBlock() {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("key", key);
        block.put("target", target());
        block.put("start", start);
        block.put("max", max);
        block.put("ratio", ratio);
        if (fit != null) {
            block.put("fit", fit);
        }
        return block;
    }

    /**
     * Whether this search is {@code earlier} given more room: the same key, target, start and fit, with
     * a max at least as large and a ratio at most as large, and not the same. Its searches then double
     * and bisect as the earlier ones did and go on from where they stopped, so a folder's finished cells
     * are reused (all of them when the earlier max lay on the doubling sequence start * 2^k; a cell
     * at an earlier max off that sequence is left unused).
     */
    public boolean continues(ThresholdSearch earlier) {
        return !equals(earlier) && key.equals(earlier.key) && metric.equals(earlier.metric) && atMost == earlier.atMost
                && value == earlier.value && start == earlier.start && Objects.equals(fit, earlier.fit)
                && max >= earlier.max && ratio <= earlier.ratio;
    }

    /** The configuration keys the search sets. */
    public List<String> keys() {
        return SweepSpec.keysOf(key);
    }

    private static String text(JsonNode block, String name) {
        JsonNode node = block.get(name);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new ConfigException(BLOCK + "." + name, "missing; " + switch (name) {
                case "key" -> "give the integer key to search, e.g. optimizer.headSamples=optimizer.repSamples";
                default -> "give the target, e.g. subspace-distance.max <= 0.3";
            });
        }
        return node.textValue().strip();
    }

    private static long integer(JsonNode block, String name) {
        JsonNode node = block.get(name);
        if (node == null || !node.isIntegralNumber()) {
            throw new ConfigException(BLOCK + "." + name, "expected a positive integer, got " + node);
        }
        return node.longValue();
    }

    private static double number(JsonNode block, String name) {
        JsonNode node = block.get(name);
        if (!node.isNumber()) {
            throw new ConfigException(BLOCK + "." + name, "expected a number, got " + node);
        }
        return node.doubleValue();
    }
}
