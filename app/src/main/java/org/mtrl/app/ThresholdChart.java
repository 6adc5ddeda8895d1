package org.mtrl.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.sweep.PowerLawFit;
import org.mtrl.core.sweep.SeedStats;
import org.mtrl.core.sweep.SummaryTable;
import org.mtrl.core.sweep.ThresholdSearch;
import org.mtrl.core.sweep.ThresholdTables;

/**
 * Draws a threshold search's estimates ({@code thresholds.csv}) against a grid key on log-log axes: each
 * seed's estimate as a dot, the mean over the seeds that reached the target with its 95% band, and the
 * power law fitted to the dots ({@link PowerLawFit}, as in {@code fits.csv}) as a dashed line whose
 * legend gives the exponent and its 95% interval. A search that did not reach the target has no dot;
 * the subtitle counts them.
 */
final class ThresholdChart {
    /** The {@code --y} that names a search's estimate. */
    static final String THRESHOLD = "threshold";
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};

    private ThresholdChart() {
    }

    /** One line: per x, the seeds' estimates (in table order). */
    private record Line(TreeMap<Double, List<Double>> estimates, List<PowerLawFit.Point> points) {
    }

    static JFreeChart draw(SweepTable thresholds, Figure figure, ThresholdSearch search) {
        Map<String, Line> lines = lines(thresholds, figure);
        YIntervalSeriesCollection means = new YIntervalSeriesCollection();
        XYSeriesCollection dots = new XYSeriesCollection();
        XYSeriesCollection fits = new XYSeriesCollection();
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            String name = entry.getKey();
            YIntervalSeries mean = new YIntervalSeries(name);
            XYSeries seeds = new XYSeries(name + " seeds", false, true);
            entry.getValue().estimates().forEach((x, ys) -> {
                SeedStats stats = SeedStats.of(ys.stream().mapToDouble(Double::doubleValue).toArray());
                mean.add(x, stats.mean(), stats.bandLow(), stats.bandHigh());
                ys.forEach(y -> seeds.add(x, y));
            });
            PowerLawFit fit = PowerLawFit.of(entry.getValue().points());
            XYSeries line = new XYSeries(name + ": " + describe(fit), false, true);
            if (!Double.isNaN(fit.exponent())) {
                double lo = entry.getValue().estimates().firstKey();
                double hi = entry.getValue().estimates().lastKey();
                line.add(lo, fit.prefactor() * Math.pow(lo, fit.exponent()));
                line.add(hi, fit.prefactor() * Math.pow(hi, fit.exponent()));
            }
            means.addSeries(mean);
            dots.addSeries(seeds);
            fits.addSeries(line);
        }
        LogAxis xAxis = logAxis(figure.x());
        LogAxis yAxis = logAxis("smallest value with " + search.target());
        DeviationRenderer meanRenderer = new DeviationRenderer(true, false);
        meanRenderer.setAlpha(0.15f);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer fitRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            meanRenderer.setSeriesPaint(i, color);
            meanRenderer.setSeriesFillPaint(i, color);
            meanRenderer.setSeriesStroke(i, new BasicStroke(2.2f));
            dotRenderer.setSeriesPaint(i, color);
            dotRenderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            fitRenderer.setSeriesPaint(i, color);
            fitRenderer.setSeriesStroke(i, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {7f, 5f}, 0f));
        }
        XYPlot plot = new XYPlot(means, xAxis, yAxis, meanRenderer);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        plot.setDataset(2, fits);
        plot.setRenderer(2, fitRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < lines.size(); i++) {
            legend.add(fitRenderer.getLegendItem(2, i)); // the fitted exponent of each line, in its colour
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(search.key() + " vs " + figure.x(), new Font(Font.SANS_SERIF, Font.BOLD, 16),
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        long unreached = thresholds.rows().stream().filter(r -> !"yes".equals(r.get("reached"))).count();
        chart.addSubtitle(new TextTitle("dots: seeds; line and band: mean and 95% interval; dashed: power law "
                + "fitted to the dots, exponent [95% bootstrap interval over seeds]"
                + (unreached > 0 ? "; " + unreached + " searches did not reach the target (no dot)" : ""),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    /** {@code exponent 0.73 [0.51, 0.88]}. */
    static String describe(PowerLawFit fit) {
        if (Double.isNaN(fit.exponent())) {
            return "no fit (fewer than two values of x reached)";
        }
        String text = String.format(Locale.ROOT, "exponent %.2f", fit.exponent());
        return Double.isNaN(fit.low()) ? text : text + String.format(Locale.ROOT, " [%.2f, %.2f]", fit.low(), fit.high());
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setTickUnit(new NumberTickUnit(Math.log10(2)));
        axis.setNumberFormatOverride(new DecimalFormat("0.##"));
        axis.setMinorTickMarksVisible(false);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return axis;
    }

    /** Line label -> the reached estimates by x, every other grid key pinned (a point pools seeds only). */
    private static Map<String, Line> lines(SweepTable thresholds, Figure figure) {
        List<String> axes = thresholds.columns().subList(0, thresholds.columns().indexOf(SummaryTable.SEED));
        for (String key : figure.where().keySet()) {
            if (!axes.contains(key)) {
                throw new ConfigException("--where", "'" + key + "' is not a key of this search's grid; its keys: " + axes);
            }
        }
        thresholds.require("--x", figure.x());
        if (figure.series() != null) {
            thresholds.require("--series", figure.series());
        }
        List<Map<String, String>> rows = thresholds.rows().stream()
                .filter(row -> figure.where().entrySet().stream().allMatch(e -> e.getValue().equals(row.get(e.getKey()))))
                .toList();
        for (String axis : axes) {
            if (!axis.equals(figure.x()) && !axis.equals(figure.series()) && !figure.where().containsKey(axis)) {
                Set<String> values = new LinkedHashSet<>();
                rows.forEach(row -> values.add(row.get(axis)));
                if (values.size() > 1) {
                    throw new ConfigException("--where", "the search also varies '" + axis + "' " + values
                            + ": pin it with --where " + axis + "=VALUE or draw it with --series");
                }
            }
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String name = figure.series() == null ? THRESHOLD : figure.series() + "=" + row.get(figure.series());
            Line line = lines.computeIfAbsent(name, k -> new Line(new TreeMap<>(), new ArrayList<>()));
            double x = positive(row.get(figure.x()), figure.x());
            if ("yes".equals(row.get("reached"))) {
                double y = Double.parseDouble(row.get(ThresholdTables.ESTIMATE));
                line.estimates().computeIfAbsent(x, k -> new ArrayList<>()).add(y);
                line.points().add(new PowerLawFit.Point(Long.parseLong(row.get(SummaryTable.SEED)), x, y));
            }
        }
        lines.values().removeIf(line -> line.estimates().isEmpty());
        if (lines.isEmpty()) {
            throw new ConfigException("--y", "no search reached the target yet: nothing to plot");
        }
        return lines;
    }

    private static double positive(String text, String key) {
        try {
            double value = Double.parseDouble(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigException("--x", "'" + key + "' has the value '" + text + "'; a log-log threshold plot needs "
                + "positive numbers: draw this key with --series instead");
    }
}
