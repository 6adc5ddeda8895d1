package org.mtrl.app.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.core.config.ComponentConfig;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;

/**
 * Valid configurations the generators start from: the {@code tiny} preset with each task family and
 * each optimizer, resolved (every parameter present), with every parameter as a {@link Target}.
 */
final class Bases {
    static final PluginRegistry REGISTRY = PluginRegistry.discover(Bases.class.getClassLoader(), null, false);
    static final String TINY = "org/mtrl/app/presets/tiny.yaml";
    static final List<String> SLOTS = List.of("data", "tasks", "model", "optimizer");

    private static final Map<List<String>, Base> CACHE = new ConcurrentHashMap<>();

    private Bases() {
    }

    /** A valid configuration: {@code tiny} with {@code overrides}, resolved, and its parameters. */
    record Base(List<String> overrides, ObjectNode tree, List<Target> targets) {

        /** The keys allowed in the mapping at {@code location} ("" for the top level). */
        Set<String> keysAt(String location) {
            if (location.isEmpty()) {
                return Set.of("seed", "data", "tasks", "model", "optimizer", "probes");
            }
            List<String> keys = new ArrayList<>(List.of("type"));
            targets.stream().filter(t -> t.slot().equals(location)).forEach(t -> keys.add(t.name()));
            return Set.copyOf(keys);
        }

        /** The mappings keys live in: the top level, the slots and every probe. */
        List<String> locations() {
            List<String> locations = new ArrayList<>(List.of("", "probes"));
            locations.addAll(SLOTS);
            tree.get("probes").fieldNames().forEachRemaining(name -> locations.add("probes." + name));
            return locations;
        }
    }

    /** The value type of a parameter, or of each element of a list parameter. */
    enum ValueType { INTEGER, LONG, NUMBER, BOOLEAN, STRING }

    /** One parameter of a base configuration. */
    record Target(String slot, String name, ValueType type, boolean list, Param param) {
        String path() {
            return slot + "." + name;
        }

        boolean numeric() {
            return type == ValueType.INTEGER || type == ValueType.LONG || type == ValueType.NUMBER;
        }

        boolean bounded() {
            return numeric() && (param.min() != Double.NEGATIVE_INFINITY || param.max() != Double.POSITIVE_INFINITY);
        }
    }

    /** Any base: one of the task families times one of the optimizers. */
    static Arbitrary<Base> any() {
        return Combinators.combine(Arbitraries.of(REGISTRY.types(ComponentKind.TASKS)),
                Arbitraries.of(REGISTRY.types(ComponentKind.OPTIMIZER))).as(Bases::of);
    }

    static Base of(String tasks, String optimizer) {
        return CACHE.computeIfAbsent(List.of("tasks.type=" + tasks, "optimizer.type=" + optimizer), Bases::resolve);
    }

    private static Base resolve(List<String> overrides) {
        RunConfig config = new ConfigResolver(REGISTRY).resolve(
                List.of(ConfigTrees.builtInDefaults(), ConfigTrees.readResource(TINY)), overrides);
        List<Target> targets = new ArrayList<>();
        Stream.concat(Stream.of(config.data(), config.tasks(), config.model(), config.optimizer()),
                config.probes().values().stream()).forEach(slot -> addTargets(slot, targets));
        return new Base(overrides, config.tree(), List.copyOf(targets));
    }

    private static void addTargets(ComponentConfig<?> slot, List<Target> targets) {
        for (RecordComponent component : parameterComponents(slot.factory().factory().parameters())) {
            boolean list = component.getType() == List.class;
            Class<?> type = list
                    ? (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
                    : component.getType();
            targets.add(new Target(slot.path(), component.getName(), valueType(type), list,
                    component.getAnnotation(Param.class)));
        }
    }

    /** The record's parameter components, those of its {@link ParamGroup}s expanded in place. */
    private static List<RecordComponent> parameterComponents(Class<?> record) {
        List<RecordComponent> all = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAnnotation(ParamGroup.class) != null) {
                all.addAll(parameterComponents(component.getType()));
            } else {
                all.add(component);
            }
        }
        return all;
    }

    private static ValueType valueType(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return ValueType.INTEGER;
        }
        if (type == long.class || type == Long.class) {
            return ValueType.LONG;
        }
        if (type == double.class || type == Double.class) {
            return ValueType.NUMBER;
        }
        return type == boolean.class || type == Boolean.class ? ValueType.BOOLEAN : ValueType.STRING;
    }
}
