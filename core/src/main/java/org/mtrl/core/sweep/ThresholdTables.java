package org.mtrl.core.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.core.record.AtomicFiles;

/**
 * A threshold search's tables: {@code thresholds.csv} (one row per grid point and seed: whether the
 * target was reached, the estimate, the bracket and the cells evaluated), {@code thresholds-aggregate.csv}
 * (per grid point: the estimate's mean, sd and 95% interval over the seeds that reached it,
 * {@link SeedStats}) and, when the search names a {@code fit} key, {@code fits.csv}: per group of the
 * other grid keys, a power law of the estimate against that key ({@link PowerLawFit}).
 */
public final class ThresholdTables {
    public static final String THRESHOLDS = "thresholds.csv";
    public static final String AGGREGATE = "thresholds-aggregate.csv";
    public static final String FITS = "fits.csv";
    public static final String ESTIMATE = "estimate";

    private ThresholdTables() {
    }

    /**
     * One finished (or unfinished) search.
     *
     * @param estimate the smallest value seen to reach the target, 0 if none did
     * @param low      the largest value seen not to reach it, 0 if none
     * @param failure  why a cell of it failed, or null
     */
    public record Search(SweepCell point, long estimate, long low, int evaluated, String failure) {
        public boolean reached() {
            return failure == null && estimate > 0;
        }
    }

    static List<Search> searches(Map<SweepCell, SearchState> states) {
        List<Search> searches = new ArrayList<>();
        states.forEach((point, s) -> searches.add(new Search(point, s.estimate(), s.low(), s.evaluated(), s.failure())));
        return searches;
    }

    static void write(Path folder, SweepDefinition definition, List<Search> searches) {
        List<String> axisKeys = definition.spec().axes().stream().map(SweepSpec.Axis::key).toList();
        AtomicFiles.write(folder.resolve(THRESHOLDS), Csv.write(thresholds(axisKeys, searches)));
        AtomicFiles.write(folder.resolve(AGGREGATE), Csv.write(aggregate(axisKeys, searches)));
        if (definition.search().fit() != null) {
            AtomicFiles.write(folder.resolve(FITS), Csv.write(fits(axisKeys, definition.search().fit(), searches)));
        }
    }

    private static List<List<String>> thresholds(List<String> axisKeys, List<Search> searches) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(axisKeys);
        header.addAll(List.of(SummaryTable.SEED, SummaryTable.STATUS, "reached", ESTIMATE, "low", "high", "cells"));
        table.add(header);
        for (Search s : searches) {
            List<String> line = new ArrayList<>(s.point().labels().values());
            line.add(Long.toString(s.point().seed()));
            line.add(s.failure() == null ? CellResult.OK : CellResult.FAILED);
            line.add(s.reached() ? "yes" : "no");
            line.add(s.reached() ? Long.toString(s.estimate()) : "");
            line.add(s.failure() == null && s.low() > 0 ? Long.toString(s.low()) : "");
            line.add(s.reached() ? Long.toString(s.estimate()) : "");
            line.add(Integer.toString(s.evaluated()));
            table.add(line);
        }
        return table;
    }

    private static List<List<String>> aggregate(List<String> axisKeys, List<Search> searches) {
        Map<List<String>, List<Search>> groups = new LinkedHashMap<>();
        searches.forEach(s -> groups.computeIfAbsent(new ArrayList<>(s.point().labels().values()),
                k -> new ArrayList<>()).add(s));
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(axisKeys);
        header.addAll(List.of("seeds", "reached", "failed", ESTIMATE + ".mean", ESTIMATE + ".sd", ESTIMATE + ".low",
                ESTIMATE + ".high"));
        table.add(header);
        groups.forEach((labels, group) -> {
            double[] estimates = group.stream().filter(Search::reached).mapToDouble(Search::estimate).toArray();
            SeedStats stats = SeedStats.of(estimates);
            List<String> line = new ArrayList<>(labels);
            line.add(Integer.toString(group.size()));
            line.add(Integer.toString(estimates.length));
            line.add(Long.toString(group.stream().filter(s -> s.failure() != null).count()));
            for (double v : new double[] {stats.mean(), stats.sd(), stats.low(), stats.high()}) {
                line.add(number(v));
            }
            table.add(line);
        });
        return table;
    }

    private static List<List<String>> fits(List<String> axisKeys, String fitKey, List<Search> searches) {
        List<String> groupKeys = axisKeys.stream().filter(k -> !k.equals(fitKey)).toList();
        Map<List<String>, List<Search>> groups = new LinkedHashMap<>();
        for (Search s : searches) {
            Map<String, String> labels = s.point().labels();
            groups.computeIfAbsent(groupKeys.stream().map(labels::get).toList(), k -> new ArrayList<>()).add(s);
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(groupKeys);
        header.addAll(List.of("against", "exponent", "exponent.low", "exponent.high", "prefactor", "points", "unreached"));
        table.add(header);
        groups.forEach((labels, group) -> {
            List<PowerLawFit.Point> points = group.stream().filter(Search::reached)
                    .map(s -> new PowerLawFit.Point(s.point().seed(),
                            s.point().values().get(fitKey).asDouble(), s.estimate()))
                    .toList();
            PowerLawFit fit = PowerLawFit.of(points);
            List<String> line = new ArrayList<>(labels);
            line.add(fitKey);
            for (double v : new double[] {fit.exponent(), fit.low(), fit.high(), fit.prefactor()}) {
                line.add(number(v));
            }
            line.add(Integer.toString(fit.points()));
            line.add(Long.toString(group.size() - points.size()));
            table.add(line);
        });
        return table;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
