package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.runtime.Workers;
import org.mtrl.testkit.KitWorkers;

/**
 * The contract of a {@link Probe}, measuring the kit's reference model on a tiny problem (8 dimensions, rank 2, 4 tasks): metrics that
 * are there, uniquely named and finite; the same names and values on every call, on one thread or
 * four; and a model left as it was.
 */
public final class ProbeChecks {
    private final Supplier<Probe> probe;

    /** @param probe creates the probe under test (called once per measurement) */
    public ProbeChecks(Supplier<Probe> probe) {
        this.probe = probe;
    }

    /** Every check, in the order they are reported. */
    public List<ContractCheck> all() {
        return List.of(
                new ContractCheck("metrics are present, uniquely named and finite", this::finiteUniqueMetrics),
                new ContractCheck("the same metric names and values on every call", this::stableAndDeterministic),
                new ContractCheck("the same values on 1 and 4 threads", this::sameBitsOnAnyThreads),
                new ContractCheck("leaves the model unchanged", this::leavesTheModel));
    }

    public void finiteUniqueMetrics() {
        List<Metric> metrics = measure(KitWorkers.sameThread()).metrics;
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            require(Double.isFinite(metric.value()), "metric " + metric.name() + " is " + metric.value()
                    + ": every value must be finite (guard degenerate inputs with a defined value)");
            require(names.add(metric.name()), "metric " + metric.name() + " is returned twice");
        }
    }

    public void stableAndDeterministic() {
        List<Metric> first = measure(KitWorkers.sameThread()).metrics;
        List<Metric> again = measure(KitWorkers.sameThread()).metrics;
        require(names(first).equals(names(again)), "metric names changed between calls: " + names(first) + " then "
                + names(again));
        require(first.equals(again), "two measurements with the same streams differ: " + first + " then " + again);
    }

    public void sameBitsOnAnyThreads() {
        List<Metric> one = measure(KitWorkers.sameThread()).metrics;
        List<Metric> four = measure(KitWorkers.fourThreads()).metrics;
        require(one.equals(four), "on 1 thread " + one + ", on 4 threads " + four);
    }

    public void leavesTheModel() {
        Measured measured = measure(KitWorkers.sameThread());
        require(Arrays.equals(measured.before, measured.tiny.weights()), "the probe changed the model's parameters");
    }

    private Measured measure(Workers workers) {
        TinySetup tiny = TinySetup.create();
        double[] before = tiny.weights();
        List<Metric> metrics = probe.get().measure(tiny.kit().probeContext(tiny.model(), workers));
        require(metrics != null, "measure() returned no metrics (null)");
        require(metrics.stream().allMatch(Objects::nonNull), "measure() returned a null metric");
        return new Measured(metrics, tiny, before);
    }

    private static List<String> names(List<Metric> metrics) {
        return metrics.stream().map(Metric::name).toList();
    }

    private record Measured(List<Metric> metrics, TinySetup tiny, double[] before) {
    }
}
