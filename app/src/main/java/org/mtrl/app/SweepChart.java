package org.mtrl.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.record.AtomicFiles;
import org.mtrl.core.sweep.CellResult;
import org.mtrl.core.sweep.SeedStats;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.SweepSpec;

/**
 * Draws a {@link Figure} from a sweep's summary: the mean over seeds of each (series, x) as a line
 * with its 95% interval as a shaded band, written as PNG (JFreeChart) and SVG (JFreeSVG).
 */
final class SweepChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    /** Okabe and Ito's palette: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};

    private SweepChart() {
    }

    /** The chart of {@code figure} over the ok rows of {@code summary}. */
    static JFreeChart draw(SweepTable summary, Figure figure) {
        Map<String, TreeMap<Double, List<Double>>> points = points(summary, figure);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        int fewestSeeds = Integer.MAX_VALUE;
        int mostSeeds = 0;
        for (Map.Entry<String, TreeMap<Double, List<Double>>> line : points.entrySet()) {
            YIntervalSeries series = new YIntervalSeries(line.getKey());
            for (Map.Entry<Double, List<Double>> point : line.getValue().entrySet()) {
                double[] values = point.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                SeedStats stats = SeedStats.of(values);
                series.add(point.getKey(), stats.mean(), stats.bandLow(), stats.bandHigh());
                fewestSeeds = Math.min(fewestSeeds, stats.n());
                mostSeeds = Math.max(mostSeeds, stats.n());
            }
            data.addSeries(series);
        }
        String yLabel = figure.family() ? figure.y().substring(0, figure.y().length() - 2) : figure.y();
        String xLabel = xLabel(summary, figure);
        ValueAxis xAxis = figure.logX() ? new LogAxis(xLabel) : new NumberAxis(xLabel);
        if (xAxis instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
        } else if (xAxis instanceof LogAxis log) {
            // ticks at powers of two (1, 2, 4, 8...), labelled as plain numbers: grids are usually doublings
            log.setTickUnit(new NumberTickUnit(Math.log10(2)));
            log.setNumberFormatOverride(new DecimalFormat("0.##"));
            log.setMinorTickMarksVisible(false);
        }
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        Font labels = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        for (ValueAxis axis : List.of(xAxis, yAxis)) {
            axis.setLabelFont(labels);
            axis.setTickLabelFont(ticks);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart(yLabel + " vs " + figure.x(), new Font(Font.SANS_SERIF, Font.BOLD, 18),
                plot, points.size() > 1 || figure.series() != null);
        chart.setBackgroundPaint(Color.WHITE);
        String seeds = fewestSeeds == mostSeeds ? Integer.toString(mostSeeds) : fewestSeeds + " to " + mostSeeds;
        chart.addSubtitle(new TextTitle("mean and 95% interval over " + seeds + " seed" + (mostSeeds == 1 ? "" : "s")
                + " per point" + (figure.series() == null ? "" : "; lines: " + figure.series()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(ticks);
            chart.getLegend().setPosition(RectangleEdge.RIGHT);
        }
        return chart;
    }

    /**
     * The x axis's label: the swept key, or for a family against its suffix, what the numbers are
     * (the figure's x only names them, it is not a key of the sweep).
     */
    static String xLabel(SweepTable summary, Figure figure) {
        return figure.family() && !summary.axes().contains(figure.x())
                ? figure.x() + " (the N of " + familyPrefix(figure) + "N)" : figure.x();
    }

    private static String familyPrefix(Figure figure) {
        return figure.y().substring(0, figure.y().length() - 1);
    }

    /**
     * Line label -> x -> the values of one grid point, one per seed, lines in order of first appearance.
     * A family ({@code y} ending in {@code .*}) is drawn against its numeric suffix, or, when x is a
     * swept key, as one line per member against that key.
     */
    static Map<String, TreeMap<Double, List<Double>>> points(SweepTable summary, Figure figure) {
        if (figure.x().equals(SummaryTable.SEED) || figure.x().equals(SweepSpec.SEEDS)) {
            throw new ConfigException("--x", "'" + figure.x() + "' cannot be the x axis: each point is the mean over "
                    + "seeds; choose a swept key (" + String.join(", ", summary.axes()) + ")");
        }
        String series = figure.series() == null ? null : summary.require("--series", figure.series());
        boolean linePerMember = figure.family() && summary.axes().contains(figure.x());
        List<String> yColumns = new ArrayList<>();
        String prefix = figure.family() ? familyPrefix(figure) : null;
        if (prefix != null) {
            for (String column : summary.columns()) {
                if (column.startsWith(prefix) && number(column.substring(prefix.length())) != null) {
                    yColumns.add(column);
                }
            }
            if (yColumns.isEmpty()) {
                throw new ConfigException("--y", "no metric columns match '" + figure.y() + "' with a numeric suffix");
            }
            if (linePerMember && series != null) {
                throw new ConfigException("--series", "a family against the swept key '" + figure.x() + "' draws one "
                        + "line per metric " + yColumns + "; pin '" + series + "' with --where instead");
            }
        } else {
            summary.require("--x", figure.x());
            yColumns.add(summary.require("--y", figure.y()));
        }
        Map<String, TreeMap<Double, List<Double>>> points = new LinkedHashMap<>();
        for (Map<String, String> row : pinnedRows(summary, figure)) {
            for (String column : yColumns) {
                String line = linePerMember ? column : series == null ? figure.y() : row.get(series);
                Double x = prefix != null && !linePerMember ? number(column.substring(prefix.length()))
                        : number(row.get(figure.x()));
                Double y = number(row.get(column));
                if (x == null) {
                    throw new ConfigException("--x", "'" + figure.x() + "' has a non-numeric value '"
                            + row.get(figure.x()) + "'; plot it as --series instead");
                }
                if (y != null && !(figure.logX() && x <= 0)) {
                    points.computeIfAbsent(line, k -> new TreeMap<>()).computeIfAbsent(x, k -> new ArrayList<>()).add(y);
                }
            }
        }
        if (points.isEmpty()) {
            throw new ConfigException("--y", "no finished cells with a value of '" + figure.y() + "' to plot");
        }
        return points;
    }

    /**
     * The finished rows with the pinned values. Every other swept key must be the x axis or the series,
     * or have one value among them: otherwise its values would be pooled as if they were seeds.
     */
    private static List<Map<String, String>> pinnedRows(SweepTable summary, Figure figure) {
        List<String> axes = summary.axes();
        figure.where().keySet().forEach(key -> {
            if (!axes.contains(key)) {
                throw new ConfigException("--where", "'" + key + "' is not a swept key of this sweep; swept: " + axes);
            }
        });
        List<Map<String, String>> rows = summary.rows().stream()
                .filter(row -> CellResult.OK.equals(row.get(SummaryTable.STATUS)))
                .filter(row -> figure.where().entrySet().stream().allMatch(e -> e.getValue().equals(row.get(e.getKey()))))
                .toList();
        for (String axis : axes) {
            if (axis.equals(figure.x()) || axis.equals(figure.series()) || figure.where().containsKey(axis)) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            rows.forEach(row -> values.add(row.get(axis)));
            if (values.size() > 1) {
                throw new ConfigException("--where", "the sweep also varies '" + axis + "' " + values + ": pin it with "
                        + "--where " + axis + "=VALUE or draw it with --series; a point pools seeds only");
            }
        }
        if (rows.isEmpty() && !figure.where().isEmpty()) {
            Map<String, Set<String>> available = new LinkedHashMap<>();
            figure.where().keySet().forEach(key -> available.put(key, summary.rows().stream().map(r -> r.get(key))
                    .collect(Collectors.toCollection(LinkedHashSet::new))));
            throw new ConfigException("--where", "no finished cells with " + figure.where() + "; values there are: "
                    + available);
        }
        return rows;
    }

    private static Double number(String text) {
        try {
            return text == null || text.isEmpty() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Writes {@code stem.png} and {@code stem.svg} in {@code dir}; returns the PNG's path. */
    static Path save(JFreeChart chart, Path dir, String stem) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(stem + ".png");
            AtomicFiles.write(png, ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT)));
            SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            AtomicFiles.write(dir.resolve(stem + ".svg"), svg.getSVGDocument());
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure " + stem + " in " + dir + ": " + e.getMessage(), e);
        }
    }
}
