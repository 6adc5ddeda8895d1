package org.mtrl.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.NestedComponent;

/**
 * A resolved component-valued parameter: the nested slot, resolved like a top-level one, and its tree
 * with every default filled in (what the run's resolved configuration shows at its key path).
 *
 * @param config the nested slot, its path the parameter's key path
 * @param tree   {@code type} and every parameter
 */
record ResolvedComponent<C>(ComponentConfig<C> config, ObjectNode tree) implements NestedComponent<C> {

    @Override
    public String type() {
        return config.type();
    }

    @Override
    public C create(ComponentContext context) {
        return config.create(new ComponentContext(context.streams().scoped(config.path()), context.workers(),
                context.progress(), context.services()));
    }
}
