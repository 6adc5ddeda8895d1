package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.mtrl.core.config.ConfigException;

/**
 * What one figure plots from a sweep's summary: metric {@code y} against the swept key {@code x}, one
 * line per value of {@code series} (or one line), mean over seeds with its 95% band. A {@code y} ending in
 * {@code .*} plots a family of metrics ({@code downstream-linear.accuracy.*}) against their numeric
 * suffix, which is then the x value and {@code x} only names the axis.
 */
record Figure(String x, String y, String series, boolean logX) {

    /** A figure of a {@code figures:} entry: {@code {x: tasks.count, y: subspace-distance.max, series: ..., logX: true}}. */
    static Figure of(JsonNode node) {
        if (!node.isObject() || !node.path("x").isTextual() || !node.path("y").isTextual()) {
            throw new ConfigException("figures", "each figure needs text 'x' and 'y' keys, got " + node);
        }
        JsonNode series = node.get("series");
        return new Figure(node.get("x").textValue(), node.get("y").textValue(),
                series == null || series.isNull() ? null : series.asText(), node.path("logX").asBoolean(false));
    }

    boolean family() {
        return y.endsWith(".*");
    }

    /** The files' name: {@code subspace-distance.max-vs-tasks.count-by-optimizer.type}. */
    String stem() {
        String name = y.replace(".*", "") + "-vs-" + x + (series == null ? "" : "-by-" + series);
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
