package org.mtrl.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.Messages;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.Csv;

/** A CSV table of a sweep folder ({@code summary.csv} or {@code aggregate.csv}) as rows keyed by column. */
record SweepTable(List<String> columns, List<Map<String, String>> rows) {
    private static final String MEAN = ".mean";
    private static final List<String> STATS = List.of(MEAN, ".sd", ".low", ".high");

    static SweepTable read(Path file) {
        List<List<String>> lines;
        try {
            String text = Files.readString(file);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                // every table is written whole, each line ending in a newline
                throw new ConfigException("", file + ": the last line is cut short; the file is damaged (truncated?): "
                        + "run the sweep again to rewrite it");
            }
            lines = Csv.read(text);
        } catch (CharacterCodingException e) {
            throw new ConfigException("", file + ": not UTF-8 text; the file is damaged");
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot read (" + e.getMessage() + "); is it a sweep folder?");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new ConfigException("", file + ": empty table");
        }
        List<String> columns = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> line = lines.get(n);
            if (line.size() != columns.size()) {
                // every row is written whole, so a short or long one is a damaged (e.g. truncated) file
                throw new ConfigException("", file + ": line " + (n + 1) + " has " + line.size() + " fields, the header "
                        + columns.size() + "; the file is damaged (truncated?): run the sweep again to rewrite it");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), line.get(i));
            }
            rows.add(row);
        }
        return new SweepTable(columns, rows);
    }

    /** The swept keys of a summary: its columns between the cell id and the seed. */
    List<String> axes() {
        int seed = columns.indexOf(SummaryTable.SEED);
        return seed < 1 ? List.of() : columns.subList(1, seed);
    }

    /** The column {@code name}, or a {@link ConfigException} naming {@code option} and the columns there are. */
    String require(String option, String name) {
        if (!columns.contains(name)) {
            throw new ConfigException(option, "no column '" + name + "'; columns: " + String.join(", ", columns));
        }
        return name;
    }

    /** The metrics of an aggregate (its {@code .mean} columns), those starting with one of {@code prefixes} (all if none). */
    List<String> metrics(List<String> prefixes) {
        List<String> metrics = new ArrayList<>();
        for (String column : columns) {
            if (column.endsWith(MEAN)) {
                String metric = column.substring(0, column.length() - MEAN.length());
                if (prefixes.isEmpty() || prefixes.stream().anyMatch(metric::startsWith)) {
                    metrics.add(metric);
                }
            }
        }
        return metrics;
    }

    /** The columns of an aggregate that describe a grid point: swept keys, seeds, failures. */
    List<String> keys() {
        return columns.stream().filter(c -> STATS.stream().noneMatch(c::endsWith)).toList();
    }

    /** A metric of an aggregate's row as {@code mean [low, high]}, the mean alone for one seed, "" if absent. */
    static String meanAndInterval(Map<String, String> row, String metric) {
        String mean = row.get(metric + MEAN);
        if (mean == null || mean.isEmpty()) {
            return "";
        }
        String low = row.getOrDefault(metric + ".low", "");
        String high = row.getOrDefault(metric + ".high", "");
        String text = String.format(Locale.ROOT, "%.4g", number(mean));
        return low.isEmpty() || high.isEmpty() ? text : text + String.format(Locale.ROOT, " [%.3g, %.3g]",
                number(low), number(high));
    }

    /** A table's number; anything else means a damaged file. */
    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException("", SummaryTable.AGGREGATE + ": '" + Messages.text(text) + "' is not a number; "
                    + "the file is damaged: run the sweep again to rewrite it");
        }
    }
}
