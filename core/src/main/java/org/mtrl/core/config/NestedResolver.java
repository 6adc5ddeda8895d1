package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.mtrl.api.plugin.ComponentKind;

/** Resolves the value of a component-valued parameter against the plugin registry. */
@FunctionalInterface
interface NestedResolver {

    /** For binding without a registry: a component-valued parameter that is given fails, naming its key. */
    NestedResolver NONE = (kind, path, node) -> {
        throw new ConfigException(path, "a " + kind.name() + " component cannot be resolved here");
    };

    /** The {@code kind} component configured by {@code node} at {@code path}, resolved and validated. */
    ResolvedComponent<?> resolve(ComponentKind<?> kind, String path, JsonNode node);
}
