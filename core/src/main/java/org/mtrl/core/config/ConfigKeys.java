package org.mtrl.core.config;

import java.util.List;

/** The fixed keys of a run configuration, shared by the merger, the overrides and the resolver. */
final class ConfigKeys {
    static final String SEED = "seed";
    static final String DIVERGENCE_GROWTH = "divergenceGrowth";
    static final String SAMPLING = "sampling";
    /** The top-level settings that are plain values, not component slots. */
    static final List<String> SCALARS = List.of(SEED, DIVERGENCE_GROWTH, SAMPLING);
    static final String PROBES = "probes";
    static final String TYPE = "type";

    /** Every key allowed at the top level, in resolution order. */
    static final List<String> TOP_LEVEL = List.of(SEED, DIVERGENCE_GROWTH, SAMPLING, "data", "tasks", "model", "optimizer", PROBES);

    private ConfigKeys() {
    }

    /** {@code parent.key}, or {@code key} at the root. */
    static String child(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }
}
