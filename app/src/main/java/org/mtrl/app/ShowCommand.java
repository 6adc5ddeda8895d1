package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.Messages;
import org.mtrl.core.record.RunRecord;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.SweepDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtrl show}: a run's provenance and metrics, or a sweep's aggregate, as a table. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a run folder (provenance, metrics) or a sweep folder (mean and 95% interval per grid point).")
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN|SWEEP", description = "a run folder or a sweep folder")
    Path folder;

    @Option(names = "--metric", paramLabel = "PREFIX",
            description = "for a sweep: only metrics starting with PREFIX (repeatable; default: all)")
    List<String> metrics = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (SweepDefinition.isSweep(folder)) {
            showSweep(out);
        } else if (Files.isRegularFile(folder.resolve(RunRecord.PROVENANCE))) {
            showRun(out);
        } else {
            throw new ConfigException("", folder + " is neither a run folder (" + RunRecord.PROVENANCE
                    + ") nor a sweep folder (" + SweepDefinition.FILE + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void showRun(PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode provenance = readJson(folder.resolve(RunRecord.PROVENANCE));
        provenance.properties().forEach(e -> rows.add(List.of(e.getKey(), e.getValue().asText())));
        Path metricsFile = folder.resolve(RunRecord.METRICS);
        if (Files.isRegularFile(metricsFile)) {
            JsonNode metrics = readJson(metricsFile).path("metrics");
            if (!metrics.isObject()) {
                throw new ConfigException("", metricsFile + ": no 'metrics' mapping; the file is not a run's metrics");
            }
            for (Map.Entry<String, JsonNode> metric : metrics.properties()) {
                if (!metric.getValue().isNumber()) {
                    throw new ConfigException("", metricsFile + ": metric '" + Messages.text(metric.getKey())
                            + "' is not a number");
                }
                rows.add(List.of(metric.getKey(), String.format("%.6g", metric.getValue().doubleValue())));
            }
        }
        out.print(TextTable.render(List.of("field", "value"), rows));
    }

    private void showSweep(PrintWriter out) {
        out.println("grid: " + SweepDefinition.read(folder).spec().toBlock());
        SweepTable aggregate = SweepTable.read(folder.resolve(SummaryTable.AGGREGATE));
        List<String> header = new ArrayList<>();
        List<String> metricNames = new ArrayList<>();
        for (String column : aggregate.columns()) {
            if (column.endsWith(".mean")) {
                String metric = column.substring(0, column.length() - ".mean".length());
                if (metrics.isEmpty() || metrics.stream().anyMatch(metric::startsWith)) {
                    metricNames.add(metric);
                }
            } else if (!column.endsWith(".sd") && !column.endsWith(".ci95")) {
                header.add(column);
            }
        }
        List<String> keys = List.copyOf(header);
        header.addAll(metricNames.stream().map(m -> m + " (±95%)").toList());
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> row : aggregate.rows()) {
            List<String> line = new ArrayList<>();
            keys.forEach(k -> line.add(row.get(k)));
            for (String metric : metricNames) {
                line.add(meanAndInterval(row.get(metric + ".mean"), row.get(metric + ".ci95")));
            }
            rows.add(line);
        }
        out.print(TextTable.render(header, rows));
    }

    /** {@code mean ± ci} of an aggregate.csv row; a value that is not a number is a damaged file. */
    static String meanAndInterval(String mean, String ci) {
        if (mean == null || mean.isEmpty()) {
            return "";
        }
        String m = String.format("%.4g", number(mean));
        return ci == null || ci.isEmpty() ? m : m + " ± " + String.format("%.2g", number(ci));
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException("", SummaryTable.AGGREGATE + ": '" + Messages.text(text) + "' is not a number; "
                    + "the file is damaged: run the sweep again to rewrite it");
        }
    }

    /** A record file, or a message naming it and what is wrong (truncated, not UTF-8, not JSON). */
    private static JsonNode readJson(Path file) {
        return ConfigTrees.read(file);
    }
}
