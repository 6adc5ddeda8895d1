package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mtrl.core.config.ConfigTrees;

/**
 * One point of a sweep's grid.
 *
 * @param index  its position in grid order
 * @param values the value of every axis, in axis order
 * @param seed   the run seed
 */
public record SweepCell(int index, Map<String, JsonNode> values, long seed) {

    public SweepCell {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The overrides that turn the base configuration into this cell's: every axis value (to each key of a
     * linked axis; none for {@code scale}), then
     * {@code shared} (the sweep's own overrides, re-applied so that an axis changing a slot's type does
     * not drop them), then the seed.
     */
    public List<String> overrides(List<String> shared) {
        List<String> overrides = new ArrayList<>();
        values.forEach((axis, value) -> SweepSpec.keysOf(axis)
                .forEach(key -> overrides.add(key + "=" + ConfigTrees.toJson(value))));
        overrides.addAll(shared);
        overrides.add("seed=" + seed);
        return overrides;
    }

    /** The readable label of every axis value, in axis order. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        values.forEach((key, value) -> labels.put(key, ValueLabels.of(value)));
        return labels;
    }

    /** {@code tasks.count=5 optimizer.type=single-task seed=2}. */
    public String describe() {
        String axes = labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return (axes.isEmpty() ? "" : axes + " ") + "seed=" + seed;
    }
}
