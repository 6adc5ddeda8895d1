package org.mtrl.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.core.config.ConfigException;

/**
 * The workload of {@code mtrl bench} in the NumPy peer's terms (d, r, m, T, n1, n2, rounds, seed), so
 * both programs are started with the same numbers, and its translation into mtrl overrides.
 */
final class BenchWorkload {
    /** The peer's default: the paper's setting at T = 100, about 6e10 flops. */
    static final Map<String, Long> PAPER = Map.of("d", 100L, "r", 5L, "m", 200L, "T", 100L,
            "n1", 5000L, "n2", 5000L, "rounds", 1L, "seed", 1L);
    /** Out of the peer's reach: d = 4000, T = 200, about 5e12 flops. */
    static final Map<String, Long> LARGE = with(PAPER, Map.of("d", 4000L, "T", 200L));
    /** The paper's setting at d = 100,000 (T = 200): only projected sampling makes it a laptop's work. */
    static final Map<String, Long> HUGE = with(PAPER, Map.of("d", 100_000L, "T", 200L));
    /** The sampling key: not a peer setting, passed to mtrl's top-level {@code sampling}. */
    private static final String SAMPLING = "sampling";
    private static final List<String> SAMPLING_VALUES = List.of("auto", "direct", "projected");

    private static final Map<String, String> CONFIG_KEYS = Map.of("d", "data.dim", "r", "data.rank",
            "m", "model.width", "T", "tasks.count", "n1", "optimizer.headSamples", "n2", "optimizer.repSamples",
            "rounds", "optimizer.rounds", "seed", "seed");

    private final Map<String, Long> values;
    private final String sampling;

    private BenchWorkload(Map<String, Long> values, String sampling) {
        this.values = values;
        this.sampling = sampling;
    }

    /** The named preset ({@code paper} or {@code large}) with {@code key=value} changes in the peer's names. */
    static BenchWorkload of(String name, List<String> changes) {
        Map<String, Long> base = switch (name) {
            case "paper" -> PAPER;
            case "large" -> LARGE;
            case "huge" -> HUGE;
            default -> throw new ConfigException("--workload", "value '" + name + "' is not a workload; allowed: "
                    + "paper, large, huge");
        };
        Map<String, Long> values = new LinkedHashMap<>();
        for (String key : List.of("d", "r", "m", "T", "n1", "n2", "rounds", "seed")) {
            values.put(key, base.get(key));
        }
        String sampling = "auto";
        for (String change : changes) {
            if (change.startsWith(SAMPLING + "=")) {
                sampling = sampling(change.substring(SAMPLING.length() + 1).trim());
                continue;
            }
            int eq = change.indexOf('=');
            String key = eq < 0 ? change : change.substring(0, eq);
            if (eq < 0 || !values.containsKey(key)) {
                throw new ConfigException(key, "'" + change + "' is not a workload setting; allowed: key=value with "
                        + "key in " + values.keySet() + ", or sampling=" + String.join("|", SAMPLING_VALUES));
            }
            try {
                values.put(key, Long.parseLong(change.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "value '" + change.substring(eq + 1) + "' is not an integer");
            }
        }
        return new BenchWorkload(values, sampling);
    }

    private static String sampling(String value) {
        if (!SAMPLING_VALUES.contains(value)) {
            throw new ConfigException(SAMPLING, "value '" + value + "' is not allowed; allowed: "
                    + String.join(", ", SAMPLING_VALUES));
        }
        return value;
    }

    /** The sampling asked for: auto (mtrl's default), direct or projected. */
    String sampling() {
        return sampling;
    }

    long get(String key) {
        return values.get(key);
    }

    Map<String, Long> values() {
        return values;
    }

    /** The mtrl overrides that run this workload with the peer's method and metrics only. */
    List<String> overrides() {
        List<String> overrides = new ArrayList<>();
        values.forEach((key, value) -> overrides.add(CONFIG_KEYS.get(key) + "=" + value));
        overrides.add(SAMPLING + "=" + sampling);
        overrides.add("probes={subspace-distance: {}, energy-outside: {}}");
        return overrides;
    }

    /** Multiply-adds count 2 flops: per round, the head step's Z = XW^T, the representation step's Z and C X. */
    double flopsHead() {
        return 2.0 * get("rounds") * get("T") * get("n1") * get("m") * get("d");
    }

    double flopsRepresentation() {
        return 4.0 * get("rounds") * get("T") * get("n2") * get("m") * get("d");
    }

    private static Map<String, Long> with(Map<String, Long> base, Map<String, Long> changes) {
        Map<String, Long> out = new LinkedHashMap<>(base);
        out.putAll(changes);
        return Map.copyOf(out);
    }
}
