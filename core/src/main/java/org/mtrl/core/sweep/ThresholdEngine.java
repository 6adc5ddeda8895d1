package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.record.AtomicFiles;

/**
 * Runs a threshold search ({@link ThresholdSearch}) in a sweep folder: one search per grid point and
 * seed, driven in waves. Each wave asks every unfinished search for its next value and runs those cells
 * as one batch on the {@link CellRunner}, so the searches progress in parallel on any runner. Every
 * evaluated cell is an ordinary cell in {@code cells/}, named by its configuration's hash; a search's
 * next value depends only on its cells' results, so a resumed folder replays the finished cells and the
 * result does not depend on the runner, the thread count or kills. The tables ({@link ThresholdTables})
 * are rewritten after every wave.
 */
public final class ThresholdEngine {
    private final ConfigResolver resolver;
    private final CellRunner runner;
    private final SweepListener listener;

    public ThresholdEngine(ConfigResolver resolver, CellRunner runner, SweepListener listener) {
        this.resolver = resolver;
        this.runner = runner;
        this.listener = listener;
    }

    /** What the search did: the searches, how many cells ran, were reused and failed. */
    public record Outcome(List<ThresholdTables.Search> searches, int ran, int reused, int failed) {
    }

    /** Runs the search of {@code definition} in {@code folder}, which the caller has claimed. */
    public Outcome run(Path folder, SweepDefinition definition) {
        ThresholdSearch search = definition.search();
        long baseSeed = definition.base().path("seed").asLong(1);
        List<SweepCell> points = definition.spec().cells(baseSeed);
        Map<SweepCell, SearchState> states = new LinkedHashMap<>();
        points.forEach(p -> states.put(p, new SearchState(search)));
        List<PlannedCell> ends = new ArrayList<>();
        for (SweepCell point : points) {
            ends.add(SweepPlan.plan(resolver, definition, evaluated(definition, point, search.start())));
            ends.add(SweepPlan.plan(resolver, definition, evaluated(definition, point, search.max())));
        }
        SweepEngine.validate(ends); // a value the components refuse stops the search before any work
        AtomicFiles.deleteLeftovers(folder);
        SweepEngine.deleteStagingFolders(folder);
        definition.write(folder);

        Map<String, CellResult> results = new HashMap<>();
        List<SummaryTable.Row> rows = new ArrayList<>();
        int ran = 0;
        int reused = 0;
        int waves = 0;
        while (true) {
            List<PlannedCell> wave = new ArrayList<>();
            Map<PlannedCell, SearchState> asking = new LinkedHashMap<>();
            for (Map.Entry<SweepCell, SearchState> entry : states.entrySet()) {
                SearchState state = entry.getValue();
                for (OptionalLong next = state.next(); next.isPresent(); next = state.next()) {
                    PlannedCell cell = SweepPlan.plan(resolver, definition, evaluated(definition, entry.getKey(),
                            next.getAsLong()));
                    CellResult known = results.get(cell.id());
                    if (known == null) {
                        known = CellResult.read(SweepEngine.cellFolder(folder, cell.id())).filter(CellResult::ok)
                                .orElse(null);
                        if (known != null) {
                            reused++;
                            results.put(cell.id(), known);
                        }
                    }
                    if (known == null) {
                        wave.add(cell);
                        asking.put(cell, state);
                        break;
                    }
                    rows.add(new SummaryTable.Row(cell.cell(), cell.id(), known));
                    apply(search, state, next.getAsLong(), known);
                }
            }
            if (wave.isEmpty()) {
                break;
            }
            wave.forEach(p -> SweepEngine.delete(SweepEngine.cellFolder(folder, p.id())));
            runWave(folder, ++waves, wave, states.size(), results);
            ran += wave.size();
            for (PlannedCell cell : wave) {
                CellResult result = results.get(cell.id());
                if (result == null) {
                    throw new IllegalStateException("the runner returned without reporting cell " + cell.id());
                }
                rows.add(new SummaryTable.Row(cell.cell(), cell.id(), result));
                long value = SearchState.valueOf(cell.cell().values().get(search.key()));
                apply(search, asking.get(cell), value, result);
            }
            write(folder, definition, states, rows);
        }
        write(folder, definition, states, rows);
        int failed = (int) rows.stream().filter(r -> !r.result().ok()).count();
        return new Outcome(ThresholdTables.searches(states), ran, reused, failed);
    }

    private static void apply(ThresholdSearch search, SearchState state, long value, CellResult result) {
        if (!result.ok()) {
            state.fail(result.error());
            return;
        }
        Double metric = result.metrics().get(search.metric());
        if (metric == null) {
            throw new ConfigException(ThresholdSearch.BLOCK + ".target", "the cells have no metric '" + search.metric()
                    + "'; they have: " + String.join(", ", result.metrics().keySet()));
        }
        state.record(value, metric);
    }

    private void runWave(Path folder, int number, List<PlannedCell> wave, int searches,
                         Map<String, CellResult> results) {
        listener.searchWave(number, wave.size(), searches);
        AtomicInteger done = new AtomicInteger();
        runner.run(folder, wave, new CellRunner.Sink() {
            @Override
            public boolean stopping() {
                return false; // a failed cell ends its own search only
            }

            @Override
            public void started(PlannedCell cell) {
                listener.cellStarted(cell.cell());
            }

            @Override
            public ProgressListener progress(PlannedCell cell) {
                return listener.runProgress(cell.cell());
            }

            @Override
            public void finished(PlannedCell cell, CellResult result) {
                synchronized (results) {
                    results.put(cell.id(), result);
                }
                listener.cellFinished(cell.cell(), result, done.incrementAndGet(), wave.size());
            }
        });
    }

    /** The grid point {@code point} with the searched key at {@code value}. */
    static SweepCell evaluated(SweepDefinition definition, SweepCell point, long value) {
        Map<String, JsonNode> values = new LinkedHashMap<>(point.values());
        JsonNode held = DerivedValues.at(definition.base(), definition.search().keys().get(0));
        JsonNode number = JsonNodeFactory.instance.numberNode(value);
        values.put(definition.search().key(), held != null && held.isArray()
                ? JsonNodeFactory.instance.arrayNode().add(number) : number);
        return new SweepCell(point.index(), values, point.seed());
    }

    private static void write(Path folder, SweepDefinition definition, Map<SweepCell, SearchState> states,
                              List<SummaryTable.Row> rows) {
        List<String> axisKeys = new ArrayList<>(definition.spec().axes().stream().map(SweepSpec.Axis::key).toList());
        axisKeys.add(definition.search().key());
        List<SummaryTable.Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt((SummaryTable.Row r) -> r.cell().index())
                .thenComparingLong(r -> r.cell().seed())
                .thenComparingLong(r -> SearchState.valueOf(r.cell().values().get(definition.search().key()))));
        SummaryTable.write(folder, axisKeys, ordered);
        ThresholdTables.write(folder, definition, ThresholdTables.searches(states));
    }
}
