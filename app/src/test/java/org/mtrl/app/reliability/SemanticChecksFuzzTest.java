package org.mtrl.app.reliability;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.core.config.ParameterBinder;
import org.mtrl.core.config.ParameterInfo;
import org.mtrl.core.plugin.RegisteredFactory;

/**
 * Configurations whose every value is valid on its own but which cannot run: they must be refused
 * before any work by {@code mtrl run} and {@code mtrl config} alike.
 */
class SemanticChecksFuzzTest {

    @Property(tries = 150, seed = "20240901")
    void combinationsThatCannotRun(@ForAll("semantic") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> semantic() {
        Arbitrary<CliCase> rankAboveDim = Combinators.combine(Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(1, 1000)).as((dim, more) ->
                cli(List.of("data.dim=" + dim, "data.rank=" + (dim + more)), "data", "rank=" + (dim + more)));
        Arbitrary<CliCase> parityOrder = Combinators.combine(Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(1, 50)).as((rank, more) ->
                cli(List.of("data.rank=" + rank, "tasks.type=parity", "tasks.order=" + (rank + more)), "tasks", "order"));
        Arbitrary<CliCase> singleTask = Combinators.combine(Arbitraries.integers().between(1, 50),
                Arbitraries.integers().between(0, 10_000)).as((count, more) ->
                cli(List.of("tasks.count=" + count, "optimizer.type=single-task", "optimizer.task=" + (count + more)),
                        "optimizer", "task=" + (count + more)));
        // W alone has more than 2^31 entries: refused at once, whatever the heap
        Arbitrary<CliCase> tooLarge = Combinators.combine(Arbitraries.integers().between(50_000, Integer.MAX_VALUE),
                Arbitraries.integers().between(50_000, 200_000)).as((width, dim) ->
                cli(List.of("model.width=" + width, "data.dim=" + dim), "model", "too large"));
        return Arbitraries.oneOf(rankAboveDim, parityOrder, singleTask, keyOfAnotherType(), tooLarge);
    }

    /** A parameter of one type of a slot, set while another type is chosen: unknown, with the allowed keys. */
    private static Arbitrary<CliCase> keyOfAnotherType() {
        List<Arbitrary<CliCase>> cases = new ArrayList<>();
        for (String slot : Bases.SLOTS) {
            ComponentKind<?> kind = ComponentKind.byName(slot);
            List<String> types = Bases.REGISTRY.types(kind);
            for (String chosen : types) {
                List<String> own = parameters(kind, chosen);
                List<String> foreign = types.stream().flatMap(t -> parameters(kind, t).stream())
                        .filter(p -> !own.contains(p)).distinct().sorted().toList();
                if (!foreign.isEmpty()) {
                    cases.add(Arbitraries.of(foreign).map(key -> cli(List.of(slot + ".type=" + chosen, slot + "." + key + "=1"),
                            slot + "." + key, "unknown parameter")));
                }
            }
        }
        return Arbitraries.oneOf(cases);
    }

    private static List<String> parameters(ComponentKind<?> kind, String type) {
        RegisteredFactory<?> factory = Bases.REGISTRY.find(kind, type).orElseThrow();
        return ParameterBinder.describe(factory.factory().parameters()).stream().map(ParameterInfo::name).toList();
    }

    private static CliCase cli(List<String> overrides, String path, String problem) {
        return CliCase.overrides(Category.SEMANTIC, overrides, List.of(path), List.of(problem));
    }

    @AfterContainer
    static void report() {
        Ledger.writeIfComplete();
    }
}
