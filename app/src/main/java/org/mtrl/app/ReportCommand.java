package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.record.AtomicFiles;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.SweepDefinition;
import org.mtrl.core.sweep.SweepSpec;
import org.mtrl.core.sweep.ThresholdSearch;
import org.mtrl.core.sweep.ThresholdTables;
import org.mtrl.core.sweep.ValueLabels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mtrl report}: {@code report.md} and a self-contained {@code report.html} (figures embedded, no
 * network needed) of a sweep: its provenance, its grid, its figures (those of its {@code figures:} list,
 * or the first metric against the first axis), the table of every metric, and the base configuration.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write SWEEP/report.md and a self-contained SWEEP/report.html: provenance, grid, figures, "
                + "every metric's table, configuration.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP", description = "a sweep folder")
    Path sweep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SweepDefinition definition = SweepDefinition.read(sweep);
        SweepTable summary = SweepTable.read(sweep.resolve(SummaryTable.SUMMARY));
        SweepTable aggregate = SweepTable.read(sweep.resolve(SummaryTable.AGGREGATE));
        List<Figure> figures = figures(definition, summary);
        ReportDocument doc = new ReportDocument("Sweep report: " + sweep.toAbsolutePath().normalize().getFileName());
        doc.heading("Provenance");
        doc.table(List.of("field", "value"), ReportProvenance.rows(sweep, spec.commandLine().getParseResult().originalArgs()));
        doc.heading("Grid");
        doc.paragraph(describeGrid(definition.spec(), summary));
        doc.heading("Figures");
        for (Figure figure : figures) {
            Path png = SweepChart.save(Figure.chart(sweep, figure), sweep.resolve("figures"), figure.stem());
            doc.image(sweep.relativize(png).toString().replace('\\', '/'), figure.y() + " vs " + figure.x(), bytes(png));
        }
        if (definition.search() != null) {
            searchResults(doc, definition.search());
        }
        doc.heading("Results: mean [95% interval] over seeds");
        table(doc, aggregate);
        doc.paragraph("Every cell, seed and metric: `summary.csv`; every aggregate: `aggregate.csv`; each run's "
                + "record: `cells/<id>/`.");
        doc.heading("Base configuration");
        doc.code(ConfigTrees.toYaml(definition.base()));
        AtomicFiles.write(sweep.resolve("report.md"), doc.markdown());
        AtomicFiles.write(sweep.resolve("report.html"), doc.html());
        spec.commandLine().getOut().println("report: " + sweep.resolve("report.md") + " and "
                + sweep.resolve("report.html"));
        return ExitCodes.OK;
    }

    private static List<Figure> figures(SweepDefinition definition, SweepTable summary) {
        List<Figure> figures = new ArrayList<>();
        JsonNode declared = definition.figures();
        if (declared != null && declared.isArray()) {
            declared.forEach(f -> figures.add(Figure.of(f)));
            return figures;
        }
        List<SweepSpec.Axis> axes = definition.spec().axes();
        if (definition.search() != null && !axes.isEmpty()) {
            // the estimates against the fitted key (else the first), the next key as lines, others pinned
            String x = definition.search().fit() != null ? definition.search().fit() : axes.get(0).key();
            List<SweepSpec.Axis> others = axes.stream().filter(a -> !a.key().equals(x)).toList();
            Map<String, String> where = new LinkedHashMap<>();
            others.stream().skip(1).forEach(a -> where.put(a.key(), ValueLabels.of(a.values().get(0))));
            figures.add(new Figure(x, ThresholdChart.THRESHOLD, others.isEmpty() ? null : others.get(0).key(), true,
                    where));
            return figures;
        }
        List<String> metrics = summary.columns().stream().filter(c -> c.contains(".")
                && axes.stream().noneMatch(a -> a.key().equals(c))).toList();
        if (!axes.isEmpty() && !metrics.isEmpty()) {
            // the first two swept keys as x and series, any others at their first value
            Map<String, String> where = new LinkedHashMap<>();
            axes.stream().skip(2).forEach(a -> where.put(a.key(), ValueLabels.of(a.values().get(0))));
            figures.add(new Figure(axes.get(0).key(), metrics.get(0), axes.size() > 1 ? axes.get(1).key() : null, false,
                    where));
        }
        return figures;
    }

    private static String describeGrid(SweepSpec grid, SweepTable summary) {
        StringBuilder text = new StringBuilder();
        for (SweepSpec.Axis axis : grid.axes()) {
            text.append("`").append(axis.key()).append("`: ")
                    .append(axis.values().stream().map(org.mtrl.core.sweep.ValueLabels::of).toList()).append("; ");
        }
        text.append("seeds: ").append(grid.seeds().isEmpty() ? "the base seed" : grid.seeds().toString()).append(". ");
        long ok = summary.rows().stream().filter(r -> "ok".equals(r.get(SummaryTable.STATUS))).count();
        text.append(summary.rows().size()).append(" cells recorded, ").append(ok).append(" ok, ")
                .append(summary.rows().size() - ok).append(" failed.");
        return text.toString();
    }

    private static void table(ReportDocument doc, SweepTable aggregate) {
        List<String> keys = aggregate.keys();
        List<String> metrics = aggregate.metrics(List.of());
        List<String> header = new ArrayList<>(keys);
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> row : aggregate.rows()) {
            List<String> line = new ArrayList<>();
            keys.forEach(k -> line.add(row.get(k)));
            metrics.forEach(m -> line.add(SweepTable.meanAndInterval(row, m)));
            rows.add(line);
        }
        doc.table(header, rows);
    }

    /** The search's target, its estimates per grid point and its power-law fits. */
    private void searchResults(ReportDocument doc, ThresholdSearch search) {
        doc.heading("Threshold search");
        doc.paragraph("Per grid point and seed, the smallest `" + search.key() + "` with `" + search.target()
                + "`: doubling from " + search.start() + " (at most " + search.max() + "), then bisection on a log "
                + "scale until the bracket's ratio is at most " + search.ratio() + "; the estimate is the smallest "
                + "value seen to reach the target. Per seed: `thresholds.csv`.");
        SweepTable aggregate = SweepTable.read(sweep.resolve(ThresholdTables.AGGREGATE));
        List<String> keys = aggregate.keys();
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> row : aggregate.rows()) {
            List<String> line = new ArrayList<>();
            keys.forEach(k -> line.add(row.get(k)));
            line.add(SweepTable.meanAndInterval(row, ThresholdTables.ESTIMATE));
            rows.add(line);
        }
        List<String> header = new ArrayList<>(keys);
        header.add("estimate: mean [95% interval] over the seeds that reached");
        doc.table(header, rows);
        if (Files.exists(sweep.resolve(ThresholdTables.FITS))) {
            SweepTable fits = SweepTable.read(sweep.resolve(ThresholdTables.FITS));
            doc.paragraph("Power laws fitted to the per-seed estimates (`fits.csv`; interval: 95% bootstrap over seeds):");
            doc.table(fits.columns(), fits.rows().stream().map(r -> (List<String>) new ArrayList<>(r.values())).toList());
        }
    }

    private static String bytes(Path png) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
