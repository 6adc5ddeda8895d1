package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.SweepDefinition;
import org.mtrl.core.sweep.ThresholdSearch;
import org.mtrl.core.sweep.ThresholdTables;

/**
 * What one figure plots from a sweep's summary: metric {@code y} against the swept key {@code x}, one
 * line per value of {@code series} (or one line), mean over seeds with its 95% band. A {@code y} ending in
 * {@code .*} plots a family of metrics ({@code downstream-linear.accuracy.*}) against their numeric
 * suffix, which is then the x value and {@code x} only names the axis. {@code where} pins other swept
 * keys to one value each (their values as the summary writes them); every swept key must be the x
 * axis, the series or pinned, so that only seeds are pooled into a point.
 */
record Figure(String x, String y, String series, boolean logX, Map<String, String> where) {

    Figure {
        where = Map.copyOf(where);
    }

    /**
     * A figure of a {@code figures:} entry:
     * {@code {x: tasks.count, y: subspace-distance.max, series: ..., logX: true, where: {data.dim: 40}}}.
     */
    static Figure of(JsonNode node) {
        if (!node.isObject() || !node.path("x").isTextual() || !node.path("y").isTextual()) {
            throw new ConfigException("figures", "each figure needs text 'x' and 'y' keys, got " + node);
        }
        JsonNode series = node.get("series");
        JsonNode pinned = node.path("where");
        if (!pinned.isMissingNode() && !pinned.isObject()) {
            throw new ConfigException("figures", "a figure's 'where' is a map of swept keys to values, got " + pinned);
        }
        Map<String, String> where = new LinkedHashMap<>();
        pinned.fields().forEachRemaining(e -> where.put(e.getKey(), e.getValue().asText()));
        return new Figure(node.get("x").textValue(), node.get("y").textValue(),
                series == null || series.isNull() ? null : series.asText(), node.path("logX").asBoolean(false), where);
    }

    /** {@code KEY=VALUE} pins as the command line gives them. */
    static Map<String, String> pins(List<String> assignments) {
        Map<String, String> where = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--where", "expected KEY=VALUE, got '" + assignment + "'");
            }
            where.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
        }
        return where;
    }

    /**
     * The chart of this figure of the sweep in {@code sweep}: a threshold search's estimates for
     * {@code y: threshold} ({@link ThresholdChart}), else the summary's metric ({@link SweepChart}).
     */
    static JFreeChart chart(Path sweep, Figure figure) {
        if (figure.y().equals(ThresholdChart.THRESHOLD)) {
            ThresholdSearch search = SweepDefinition.read(sweep).search();
            if (search == null) {
                throw new ConfigException("--y", "'" + ThresholdChart.THRESHOLD + "' is the estimate of a threshold "
                        + "search, and " + sweep + " is a plain grid; plot one of its metrics");
            }
            return ThresholdChart.draw(SweepTable.read(sweep.resolve(ThresholdTables.THRESHOLDS)),
                    figure, search);
        }
        return SweepChart.draw(SweepTable.read(sweep.resolve(SummaryTable.SUMMARY)), figure);
    }

    boolean family() {
        return y.endsWith(".*");
    }

    /** The files' name: {@code subspace-distance.max-vs-tasks.count-by-optimizer.type[-where-data.dim=40]}. */
    String stem() {
        StringBuilder name = new StringBuilder(y.replace(".*", "")).append("-vs-").append(x);
        if (series != null) {
            name.append("-by-").append(series);
        }
        where.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> name.append(name.indexOf("-where-") < 0 ? "-where-" : "-").append(e.getKey())
                        .append('=').append(e.getValue()));
        return name.toString().replaceAll("[^A-Za-z0-9.=_-]", "_");
    }
}
