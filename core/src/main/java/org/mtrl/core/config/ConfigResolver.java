package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.plugin.RegisteredFactory;

/**
 * Turns a configuration tree into a {@link RunConfig}: every slot's {@code type} found in the plugin
 * registry, every parameter bound and validated. The first problem is thrown as a
 * {@link ConfigException}, in a fixed order: top-level keys, seed, then data, tasks, model, optimizer,
 * probes, then whether the sizes fit this JVM ({@link Feasibility}). The result's tree has every default filled in and resolves back to an equal
 * {@link RunConfig}.
 */
public final class ConfigResolver {
    private static final Pattern PROBE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PluginRegistry registry;

    public ConfigResolver(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The top-level scalar settings, bound like any parameters record. */
    private record TopLevel(@Param(value = "the run seed every random stream derives from", defaultValue = "1")
                            long seed,
                            @Param(value = "how many times its start (counted as at least 1) a training loss or "
                                    + "weight norm may grow before the run counts as diverged",
                                    defaultValue = "1.0e+6", min = 1, minExclusive = true)
                            double divergenceGrowth,
                            @Param(value = "how training and probes draw x: direct (every x in R^d), projected "
                                    + "(in the span of W's rows and M's columns, exact in distribution, for "
                                    + "standard Gaussian inputs), or auto (projected where it is faster)",
                                    defaultValue = "auto", allowed = {"auto", "direct", "projected"})
                            String sampling) {
    }

    /** Merges {@code layers} in order ({@link ConfigMerger}), applies {@code overrides}, then resolves. */
    public RunConfig resolve(List<ObjectNode> layers, List<String> overrides) {
        ObjectNode merged = NODES.objectNode();
        for (ObjectNode layer : layers) {
            merged = ConfigMerger.merge(merged, layer);
        }
        return resolve(Overrides.apply(merged, overrides));
    }

    /** Resolves one complete tree. */
    public RunConfig resolve(ObjectNode tree) {
        tree.fieldNames().forEachRemaining(key -> {
            if (!ConfigKeys.TOP_LEVEL.contains(key)) {
                throw new ConfigException(key, Messages.unknown("top-level key", key, ConfigKeys.TOP_LEVEL, "allowed"));
            }
        });
        ObjectNode topLevel = NODES.objectNode();
        for (String key : ConfigKeys.SCALARS) {
            if (tree.has(key)) {
                topLevel.set(key, tree.get(key));
            }
        }
        TopLevel bound = ParameterBinder.bind(TopLevel.class, topLevel, "");
        ObjectNode resolved = ParameterBinder.toTree(bound);

        ComponentConfig<DataDistribution> data = slot(ComponentKind.DATA, tree, resolved);
        ComponentConfig<TaskFamily> tasks = slot(ComponentKind.TASKS, tree, resolved);
        ComponentConfig<Architecture> model = slot(ComponentKind.MODEL, tree, resolved);
        ComponentConfig<Optimizer> optimizer = slot(ComponentKind.OPTIMIZER, tree, resolved);
        Map<String, ComponentConfig<Probe>> probes = probes(tree.get(ConfigKeys.PROBES), resolved.putObject(ConfigKeys.PROBES));
        Feasibility.check(resolved);
        return new RunConfig(bound.seed(), bound.divergenceGrowth(), bound.sampling(), data, tasks, model, optimizer, probes, resolved);
    }

    private <C> ComponentConfig<C> slot(ComponentKind<C> kind, ObjectNode tree, ObjectNode resolved) {
        String path = kind.name();
        ObjectNode resolvedSlot = resolved.putObject(path);
        return component(kind, path, tree.get(path), null, resolvedSlot);
    }

    private Map<String, ComponentConfig<Probe>> probes(JsonNode probes, ObjectNode resolved) {
        Map<String, ComponentConfig<Probe>> result = new LinkedHashMap<>();
        if (probes == null || probes.isNull()) {
            return result;
        }
        if (!probes.isObject()) {
            throw new ConfigException(ConfigKeys.PROBES, "expected a mapping from probe names to settings, got "
                    + Messages.show(probes));
        }
        for (Map.Entry<String, JsonNode> entry : probes.properties()) {
            String name = entry.getKey();
            String path = ConfigKeys.child(ConfigKeys.PROBES, name);
            if (!PROBE_NAME.matcher(name).matches()) {
                throw new ConfigException(path, "probe name '" + Messages.text(name)
                        + "' must be lower-case letters, digits and '-', starting with a letter");
            }
            result.put(name, component(ComponentKind.PROBE, path, entry.getValue(), name, resolved.putObject(name)));
        }
        return result;
    }

    /**
     * Resolves one slot: finds the factory its {@code type} names (or {@code defaultType}), binds the
     * other keys, and writes the type and every parameter into {@code resolved}.
     */
    private <C> ComponentConfig<C> component(ComponentKind<C> kind, String path, JsonNode slot, String defaultType,
                                             ObjectNode resolved) {
        ObjectNode settings;
        if (slot == null || slot.isNull()) {
            settings = NODES.objectNode();
        } else if (slot instanceof ObjectNode object) {
            settings = object.deepCopy();
        } else {
            throw new ConfigException(path, "expected a mapping with a 'type' key, got " + Messages.show(slot)
                    + "; available types: " + Messages.list(registry.types(kind)));
        }
        JsonNode typeNode = settings.remove(ConfigKeys.TYPE);
        String type = typeName(kind, path, typeNode, defaultType);
        RegisteredFactory<C> factory = factory(kind, ConfigKeys.child(path, ConfigKeys.TYPE), type);
        Record parameters = ParameterBinder.bind(factory.factory().parameters(), settings, path, this::nested);
        resolved.put(ConfigKeys.TYPE, type);
        resolved.setAll(ParameterBinder.toTree(parameters));
        return new ComponentConfig<>(path, factory, parameters);
    }

    /** A component-valued parameter: resolved like a slot, at the parameter's key path. */
    private ResolvedComponent<?> nested(ComponentKind<?> kind, String path, JsonNode node) {
        ObjectNode tree = NODES.objectNode();
        return new ResolvedComponent<>(component(kind, path, node, null, tree), tree);
    }

    private String typeName(ComponentKind<?> kind, String path, JsonNode typeNode, String defaultType) {
        if (typeNode == null || typeNode.isNull()) {
            if (defaultType != null) {
                return defaultType;
            }
            throw new ConfigException(path, "missing 'type'; available: " + Messages.list(registry.types(kind)));
        }
        if (!typeNode.isTextual()) {
            throw new ConfigException(ConfigKeys.child(path, ConfigKeys.TYPE), "expected a string, got "
                    + Messages.show(typeNode) + "; available: " + Messages.list(registry.types(kind)));
        }
        return typeNode.textValue();
    }

    private <C> RegisteredFactory<C> factory(ComponentKind<C> kind, String typePath, String type) {
        List<RegisteredFactory<?>> conflicting = registry.conflicting(kind, type);
        if (!conflicting.isEmpty()) {
            throw new ConfigException(typePath, kind.name() + " type '" + type + "' is provided by more than one plugin: "
                    + conflicting.stream().map(RegisteredFactory::describe).collect(Collectors.joining(" and "))
                    + "; remove all but one of them");
        }
        return registry.find(kind, type).orElseThrow(() -> new ConfigException(typePath,
                Messages.unknown(kind.name() + " type", type, registry.types(kind), "available")));
    }
}
