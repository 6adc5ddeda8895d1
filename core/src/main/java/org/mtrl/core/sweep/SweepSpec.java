package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;

/**
 * A grid of runs: axes (a dotted configuration key and its values) and the seeds, expanded as their
 * Cartesian product. It comes from a configuration's {@code sweep:} block ({@code tasks.count: [1, 5]},
 * {@code seeds: 1..5}) and from command-line arguments ({@code tasks.count=1,5} {@code seeds=1..5});
 * an argument replaces the block's axis of the same key. The {@code seeds} axis overrides {@code seed}.
 * A linked axis sets several keys to each of its values ({@code optimizer.headSamples=optimizer.repSamples=100,200});
 * the {@code scale} axis is no configuration key: a sweep's derived values use it ({@link DerivedValues}).
 *
 * @param axes  in declaration order: the first varies slowest; values are applied in this order
 * @param seeds the seeds, the innermost axis; empty means the base configuration's seed
 */
public record SweepSpec(List<Axis> axes, List<Long> seeds) {
    /** The configuration key of the block. */
    public static final String BLOCK = "sweep";
    /** The grid key listing the seeds. */
    public static final String SEEDS = "seeds";
    /**
     * The same, spelled as the configuration's key and the tables' column: {@code seed=1..5} sweeps
     * the seed like any other key ({@code seed=7} alone is a plain override, one cell).
     */
    public static final String SEED = "seed";
    /** The axis of a preset's {@code scale=F} knob, which derived values read (it sets no key itself). */
    public static final String SCALE = "scale";
    /** Joins the keys of a linked axis. */
    public static final String LINK = "=";

    private static final int MAX_CELLS = 100_000;
    private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");
    private static final Pattern DOTTED_KEY = Pattern.compile("[A-Za-z][\\w-]*(\\.[A-Za-z0-9][\\w-]*)*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One swept key and its values, in order. */
    public record Axis(String key, List<JsonNode> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public SweepSpec {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }

    /** The grid of a {@code sweep:} block; an absent (null) block is the single base run. */
    public static SweepSpec fromBlock(JsonNode block) {
        if (block == null || block.isNull()) {
            return new SweepSpec(List.of(), List.of());
        }
        if (!block.isObject()) {
            throw new ConfigException(BLOCK, "expected a mapping from dotted keys to value lists, got " + block);
        }
        SweepSpec spec = new SweepSpec(List.of(), List.of());
        for (Map.Entry<String, JsonNode> entry : block.properties()) {
            String path = BLOCK + "." + entry.getKey();
            JsonNode value = entry.getValue();
            List<JsonNode> values;
            if (value.isArray()) {
                values = new ArrayList<>();
                value.forEach(values::add);
            } else if (value.isTextual()) {
                values = parseValues(value.textValue(), path);
            } else {
                values = List.of(value);
            }
            spec = spec.with(entry.getKey(), values, path);
        }
        return spec;
    }

    /**
     * Whether a command-line argument {@code key=value} declares an axis rather than a plain override:
     * its key is {@code seeds}, or its value is a comma-separated list or an integer range {@code a..b}.
     */
    public static boolean isAxisArgument(String argument) {
        int eq = keyLength(argument);
        if (eq < 0) {
            return false;
        }
        String key = argument.substring(0, eq);
        String value = argument.substring(eq + 1);
        return key.equals(SEEDS) || key.contains(LINK) || RANGE.matcher(value).matches()
                || splitTopLevel(value).size() > 1;
    }

    /** This grid with the command-line axis {@code key=v1,v2,...} (or {@code a..b}) replacing or added. */
    public SweepSpec withArgument(String argument) {
        int eq = keyLength(argument);
        String key = argument.substring(0, eq);
        return with(key, parseValues(argument.substring(eq + 1), key), key);
    }

    /**
     * Where the key of {@code key=value} ends: before the last {@code =} that follows a dotted key, so that
     * {@code a.b=c.d=1,2} is the linked key {@code a.b=c.d}; -1 without any {@code =}.
     */
    private static int keyLength(String argument) {
        int end = argument.indexOf('=');
        while (end >= 0) {
            int next = argument.indexOf('=', end + 1);
            if (next < 0 || !DOTTED_KEY.matcher(argument.substring(end + 1, next)).matches()) {
                return end;
            }
            end = next;
        }
        return -1;
    }

    /** The configuration keys an axis sets: its key, or each key of a linked axis; none for {@code scale}. */
    public static List<String> keysOf(String axisKey) {
        return axisKey.equals(SCALE) ? List.of() : List.of(axisKey.split(LINK, -1));
    }

    private SweepSpec with(String key, List<JsonNode> values, String path) {
        if (values.isEmpty()) {
            throw new ConfigException(path, "an axis needs at least one value");
        }
        if (key.equals(SEEDS) || key.equals(SEED)) {
            List<Long> parsed = new ArrayList<>();
            for (JsonNode v : values) {
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    throw new ConfigException(path, "seeds must be integers, got " + v
                            + "; write a list (seed=1,2,3) or a range (seed=1..5)");
                }
                if (parsed.contains(v.longValue())) {
                    throw repeated(path, v);
                }
                parsed.add(v.longValue());
            }
            return new SweepSpec(axes, parsed);
        }
        for (String part : key.split(LINK, -1)) {
            if (part.isBlank() || List.of(part.split("\\.", -1)).stream().anyMatch(String::isBlank)) {
                throw new ConfigException(path, "an axis key must be a dotted configuration key such as tasks.count, "
                        + "or several joined by '=' (optimizer.headSamples=optimizer.repSamples)");
            }
        }
        if (key.equals(SCALE) && values.stream().anyMatch(v -> !v.isNumber() || !(v.doubleValue() > 0))) {
            throw new ConfigException(path, "scale values must be positive numbers, got " + values);
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode v : values) {
            if (!seen.add(ConfigTrees.toJson(v))) {
                throw repeated(path, v);
            }
        }
        List<Axis> updated = new ArrayList<>();
        boolean replaced = false;
        for (Axis axis : axes) {
            if (axis.key().equals(key)) {
                updated.add(new Axis(key, values));
                replaced = true;
            } else {
                updated.add(axis);
            }
        }
        if (!replaced) {
            updated.add(new Axis(key, values));
        }
        SweepSpec spec = new SweepSpec(updated, seeds);
        spec.size();
        return spec;
    }

    /**
     * A repeated value would make one cell count twice in the tables (and narrow its interval): refused
     * rather than collapsed, since a repeat on the command line is most likely a typo (2,2 for 2,20).
     */
    private static ConfigException repeated(String path, JsonNode value) {
        return new ConfigException(path, "the value " + ValueLabels.of(value) + " is listed twice; "
                + "each value of an axis must be distinct");
    }

    /**
     * The grid that holds every cell of this one and of {@code other}: each axis of this grid with the
     * values of {@code other}'s axis of the same key added (in order, after its own), then the axes only
     * {@code other} has; the seeds likewise. An empty seed list stands for {@code baseSeed}.
     */
    public SweepSpec union(SweepSpec other, long baseSeed) {
        Map<String, List<JsonNode>> merged = new LinkedHashMap<>();
        for (Axis axis : axes) {
            merged.put(axis.key(), new ArrayList<>(axis.values()));
        }
        for (Axis axis : other.axes) {
            List<JsonNode> values = merged.computeIfAbsent(axis.key(), k -> new ArrayList<>());
            Set<String> present = new HashSet<>();
            values.forEach(v -> present.add(ConfigTrees.toJson(v)));
            axis.values().stream().filter(v -> present.add(ConfigTrees.toJson(v))).forEach(values::add);
        }
        List<Long> mergedSeeds = new ArrayList<>();
        if (!seeds.isEmpty() || !other.seeds.isEmpty()) {
            for (List<Long> list : List.of(seeds.isEmpty() ? List.of(baseSeed) : seeds,
                    other.seeds.isEmpty() ? List.of(baseSeed) : other.seeds)) {
                list.stream().filter(seed -> !mergedSeeds.contains(seed)).forEach(mergedSeeds::add);
            }
        }
        List<Axis> mergedAxes = new ArrayList<>();
        merged.forEach((key, values) -> mergedAxes.add(new Axis(key, values)));
        SweepSpec spec = new SweepSpec(mergedAxes, mergedSeeds);
        spec.size();
        return spec;
    }

    /** The number of cells. */
    public int size() {
        long n = Math.max(1, seeds.size());
        for (Axis axis : axes) {
            n *= axis.values().size();
            if (n > MAX_CELLS) {
                throw new ConfigException(BLOCK, "the grid has more than " + MAX_CELLS + " cells");
            }
        }
        return (int) n;
    }

    /** The cells in grid order: first axis slowest, seeds fastest; {@code baseSeed} when no seeds are given. */
    public List<SweepCell> cells(long baseSeed) {
        List<Long> seedList = seeds.isEmpty() ? List.of(baseSeed) : seeds;
        int total = size();
        List<SweepCell> cells = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            int rest = index;
            long seed = seedList.get(rest % seedList.size());
            rest /= seedList.size();
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int a = axes.size() - 1; a >= 0; a--) {
                Axis axis = axes.get(a);
                values.put(axis.key(), axis.values().get(rest % axis.values().size()));
                rest /= axis.values().size();
            }
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            for (Axis axis : axes) {
                ordered.put(axis.key(), values.get(axis.key()));
            }
            cells.add(new SweepCell(index, ordered, seed));
        }
        return cells;
    }

    /** The grid as a {@code sweep:} block that {@link #fromBlock} reads back. */
    public ObjectNode toBlock() {
        ObjectNode block = NODES.objectNode();
        for (Axis axis : axes) {
            ArrayNode values = block.putArray(axis.key());
            axis.values().forEach(values::add);
        }
        if (!seeds.isEmpty()) {
            ArrayNode values = block.putArray(SEEDS);
            seeds.forEach(values::add);
        }
        return block;
    }

    /** {@code a,b,c} (each a YAML flow value, commas inside brackets kept) or an integer range {@code a..b}. */
    static List<JsonNode> parseValues(String text, String path) {
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            long from = Long.parseLong(range.group(1));
            long to = Long.parseLong(range.group(2));
            if (to < from || to - from >= MAX_CELLS) {
                throw new ConfigException(path, "range " + text.strip() + " must go upwards and hold at most "
                        + MAX_CELLS + " values");
            }
            List<JsonNode> values = new ArrayList<>();
            for (long v = from; v <= to; v++) {
                values.add(NODES.numberNode(v));
            }
            return values;
        }
        List<JsonNode> values = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            if (part.isBlank()) {
                throw new ConfigException(path, "empty value in '" + text + "'");
            }
            values.add(ConfigTrees.parseValue(part.strip(), "sweep value '" + part.strip() + "' of " + path));
        }
        return values;
    }

    /** Splits on commas outside brackets, braces and quotes. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
