package org.mtrl.core.assembly;

import java.util.Map;
import org.mtrl.api.optim.TrainingResult;

/**
 * What one run produced.
 *
 * @param metrics every probe's metrics, named {@code probe.metric}, in configuration order
 * @param timings seconds per phase (sampling tasks, init, pretraining, each probe)
 */
public record RunResult(Map<String, Double> metrics, TrainingResult training, Map<String, Double> timings) {

    public RunResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }
}
