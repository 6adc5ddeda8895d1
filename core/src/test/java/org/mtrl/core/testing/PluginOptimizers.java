package org.mtrl.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.runtime.Workers;
import org.mtrl.core.config.ParameterBinder;
import org.mtrl.core.runtime.SeededRandomStreams;

/** Optimizers created as a run creates them: through the plugin's factory, parameters bound from configuration. */
public final class PluginOptimizers {
    private PluginOptimizers() {
    }

    /**
     * The optimizer {@code type} of {@code plugin} with the parameters of the JSON mapping {@code params}
     * (the rest at their declared defaults).
     */
    public static Optimizer create(Plugin plugin, String type, String params, Workers workers) {
        return create(factory(plugin, type), params, workers);
    }

    /** The bound parameter record of the optimizer {@code type}, as the run would pass it. */
    public static Record parameters(Plugin plugin, String type, String params) {
        return bind(factory(plugin, type), params);
    }

    private static <P extends Record> Optimizer create(ComponentFactory<P, Optimizer> factory, String params,
                                                       Workers workers) {
        return factory.create(bind(factory, params), new ComponentContext(new SeededRandomStreams(1).scoped("optimizer"),
                workers));
    }

    private static <P extends Record> P bind(ComponentFactory<P, ?> factory, String params) {
        try {
            ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(params);
            return ParameterBinder.bind(factory.parameters(), tree, "optimizer");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ComponentFactory<Record, Optimizer> factory(Plugin plugin, String type) {
        for (ComponentFactory<?, ?> factory : plugin.factories()) {
            if (factory.kind() == ComponentKind.OPTIMIZER && factory.type().equals(type)) {
                return (ComponentFactory<Record, Optimizer>) factory;
            }
        }
        throw new IllegalArgumentException("plugin " + plugin.name() + " has no optimizer " + type);
    }
}
