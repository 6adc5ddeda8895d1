package org.mtrl.api.optim;

import java.util.Map;

/** Named statistics of one training round (losses, norms), in insertion order. */
public record RoundStats(int round, Map<String, Double> values) {

    public RoundStats {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
