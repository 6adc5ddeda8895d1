package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.mtrl.core.config.ConfigException;

/** What a figure's points pool and how its axes are labelled, on a summary written by hand. */
class SweepChartTest {
    private static final String FAMILY = "downstream-linear.accuracy.*";

    /** tasks.count in {2, 8} times seeds 1..3; accuracy.N = N/1000 + T/10 + seed/100, so every value says where it is from. */
    private static SweepTable summary() {
        List<String> columns = List.of("cell", "tasks.count", "seed", "status", "downstream-linear.accuracy.50",
                "downstream-linear.accuracy.100", "subspace-distance.max", "wall_seconds");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int tasks : new int[] {2, 8}) {
            for (int seed = 1; seed <= 3; seed++) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("cell", "c" + tasks + seed);
                row.put("tasks.count", Integer.toString(tasks));
                row.put("seed", Integer.toString(seed));
                row.put("status", "ok");
                for (int n : new int[] {50, 100}) {
                    row.put("downstream-linear.accuracy." + n, Double.toString(n / 1000.0 + tasks / 10.0 + seed / 100.0));
                }
                row.put("subspace-distance.max", Double.toString(1.0 / tasks + seed / 100.0));
                row.put("wall_seconds", "1.0");
                rows.add(row);
            }
        }
        return new SweepTable(columns, rows);
    }

    @Test
    void aFamilyAgainstASweptKeyDrawsOneLinePerMemberAndPoolsOnlySeeds() {
        Figure figure = new Figure("tasks.count", FAMILY, null, false, Map.of());
        Map<String, TreeMap<Double, List<Double>>> points = SweepChart.points(summary(), figure);
        assertEquals(List.of("downstream-linear.accuracy.50", "downstream-linear.accuracy.100"),
                List.copyOf(points.keySet()));
        for (int n : new int[] {50, 100}) {
            TreeMap<Double, List<Double>> line = points.get("downstream-linear.accuracy." + n);
            assertEquals(List.of(2.0, 8.0), List.copyOf(line.keySet()));
            for (double tasks : line.keySet()) {
                List<Double> expected = new ArrayList<>();
                for (int seed = 1; seed <= 3; seed++) {
                    expected.add(n / 1000.0 + tasks / 10.0 + seed / 100.0);
                }
                assertEquals(expected, line.get(tasks), "T=" + tasks + ", n=" + n + ": its three seeds, nothing else");
            }
        }
        JFreeChart chart = SweepChart.draw(summary(), figure);
        assertEquals("tasks.count", chart.getXYPlot().getDomainAxis().getLabel());
        assertEquals("downstream-linear.accuracy", chart.getXYPlot().getRangeAxis().getLabel());
        assertTrue(subtitle(chart).contains("over 3 seeds per point"), subtitle(chart));
    }

    @Test
    void aFamilyAgainstItsSuffixNamesTheSuffixAndRefusesToPoolASweptKey() {
        ConfigException pooled = assertThrows(ConfigException.class,
                () -> SweepChart.points(summary(), new Figure("n3", FAMILY, null, false, Map.of())));
        assertTrue(pooled.getMessage().contains("tasks.count") && pooled.getMessage().contains("--where"),
                pooled.getMessage());

        Figure pinned = new Figure("n3", FAMILY, null, false, Map.of("tasks.count", "8"));
        Map<String, TreeMap<Double, List<Double>>> points = SweepChart.points(summary(), pinned);
        TreeMap<Double, List<Double>> line = points.get(FAMILY);
        assertEquals(List.of(50.0, 100.0), List.copyOf(line.keySet()));
        assertEquals(List.of(0.05 + 0.8 + 0.01, 0.05 + 0.8 + 0.02, 0.05 + 0.8 + 0.03), line.get(50.0));
        JFreeChart chart = SweepChart.draw(summary(), pinned);
        assertEquals("n3 (the N of downstream-linear.accuracy.N)", chart.getXYPlot().getDomainAxis().getLabel());
        assertTrue(subtitle(chart).contains("over 3 seeds per point"), subtitle(chart));
    }

    @Test
    void aPlainMetricCountsTheSeedsOfAPoint() {
        Figure figure = new Figure("tasks.count", "subspace-distance.max", null, false, Map.of());
        Map<String, TreeMap<Double, List<Double>>> points = SweepChart.points(summary(), figure);
        assertEquals(3, points.get("subspace-distance.max").get(8.0).size());
        assertEquals("tasks.count", SweepChart.draw(summary(), figure).getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void seedsAreNotAnAxis() {
        for (String x : List.of("seed", "seeds")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> SweepChart.points(summary(), new Figure(x, "subspace-distance.max", null, false, Map.of())));
            assertTrue(e.getMessage().startsWith("--x") && e.getMessage().contains("tasks.count"), e.getMessage());
        }
    }

    private static String subtitle(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
    }
}
