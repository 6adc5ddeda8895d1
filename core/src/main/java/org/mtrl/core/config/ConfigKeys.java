package org.mtrl.core.config;

import java.util.List;
import org.mtrl.api.plugin.ComponentKind;

/** The fixed keys of a run configuration, shared by the merger, the overrides and the resolver. */
final class ConfigKeys {
    static final String SEED = "seed";
    static final String DIVERGENCE_GROWTH = "divergenceGrowth";
    /** The top-level settings that are plain values, not component slots. */
    static final List<String> SCALARS = List.of(SEED, DIVERGENCE_GROWTH);
    static final String PROBES = "probes";
    static final String TYPE = "type";

    /** The single-component slots, in the order they are resolved. */
    static final List<ComponentKind<?>> SLOT_KINDS =
            List.of(ComponentKind.DATA, ComponentKind.TASKS, ComponentKind.MODEL, ComponentKind.OPTIMIZER);

    /** Their keys: {@code data, tasks, model, optimizer}. */
    static final List<String> SLOTS = SLOT_KINDS.stream().map(ComponentKind::name).toList();

    /** Every key allowed at the top level, in resolution order. */
    static final List<String> TOP_LEVEL = List.of(SEED, DIVERGENCE_GROWTH, "data", "tasks", "model", "optimizer", PROBES);

    private ConfigKeys() {
    }

    /** {@code parent.key}, or {@code key} at the root. */
    static String child(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }
}
