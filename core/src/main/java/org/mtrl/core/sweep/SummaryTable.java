package org.mtrl.core.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtrl.core.record.AtomicFiles;

/**
 * The sweep's tables, in grid order whatever order cells finish in: {@code summary.csv} (one row per
 * recorded cell: cell id, swept values, seed, status, every metric, wall time) and
 * {@code aggregate.csv} (one row per combination of swept values: number of seeds, failures, and each
 * metric's mean, standard deviation and 95% interval ({@link SeedStats}) over the seeds that finished).
 */
public final class SummaryTable {
    public static final String SUMMARY = "summary.csv";
    public static final String AGGREGATE = "aggregate.csv";
    public static final String CELL = "cell";
    public static final String SEED = "seed";
    public static final String STATUS = "status";
    public static final String WALL = "wall_seconds";

    private SummaryTable() {
    }

    /** A cell of the grid with its id and its result so far (null while pending). */
    public record Row(SweepCell cell, String id, CellResult result) {
    }

    /** Writes both tables atomically from the rows recorded so far. */
    public static void write(Path folder, List<String> axisKeys, List<Row> rows) {
        List<Row> recorded = rows.stream().filter(r -> r.result() != null).toList();
        List<String> metrics = metricNames(recorded);
        AtomicFiles.write(folder.resolve(SUMMARY), Csv.write(summary(axisKeys, metrics, recorded)));
        AtomicFiles.write(folder.resolve(AGGREGATE), Csv.write(aggregate(axisKeys, metrics, recorded)));
    }

    private static List<String> metricNames(List<Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.result().metrics().keySet()));
        return new ArrayList<>(names);
    }

    private static List<List<String>> summary(List<String> axisKeys, List<String> metrics, List<Row> rows) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(CELL));
        header.addAll(axisKeys);
        header.addAll(List.of(SEED, STATUS));
        header.addAll(metrics);
        header.add(WALL);
        table.add(header);
        for (Row row : rows) {
            List<String> line = new ArrayList<>(List.of(row.id()));
            line.addAll(row.cell().labels().values());
            line.add(Long.toString(row.cell().seed()));
            line.add(row.result().status());
            for (String metric : metrics) {
                Double value = row.result().metrics().get(metric);
                line.add(value == null ? "" : Double.toString(value));
            }
            line.add(String.format(java.util.Locale.ROOT, "%.3f", row.result().wallSeconds()));
            table.add(line);
        }
        return table;
    }

    private static List<List<String>> aggregate(List<String> axisKeys, List<String> metrics, List<Row> rows) {
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(new ArrayList<>(row.cell().labels().values()), k -> new ArrayList<>()).add(row);
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(axisKeys);
        header.addAll(List.of("seeds", "failed"));
        for (String metric : metrics) {
            header.addAll(List.of(metric + ".mean", metric + ".sd", metric + ".low", metric + ".high"));
        }
        table.add(header);
        for (Map.Entry<List<String>, List<Row>> group : groups.entrySet()) {
            List<Row> ok = group.getValue().stream().filter(r -> r.result().ok()).toList();
            List<String> line = new ArrayList<>(group.getKey());
            line.add(Integer.toString(ok.size()));
            line.add(Integer.toString(group.getValue().size() - ok.size()));
            for (String metric : metrics) {
                double[] values = ok.stream().map(r -> r.result().metrics().get(metric))
                        .filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
                SeedStats stats = SeedStats.of(values);
                line.add(number(stats.mean()));
                line.add(number(stats.sd()));
                line.add(number(stats.low()));
                line.add(number(stats.high()));
            }
            table.add(line);
        }
        return table;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
