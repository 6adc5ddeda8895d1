package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.mtrl.api.plugin.Param;

/**
 * Binds a factory's parameters record from a configuration mapping, strictly: through the record's
 * {@link Param} annotations and its canonical constructor, never through Jackson polymorphism or class
 * names taken from the configuration. Defaults are filled in; unknown keys, missing required
 * parameters, wrong types, non-finite numbers, values out of range or not allowed, and empty lists
 * are errors naming the key. Cross-parameter checks stay in the record: an
 * {@link IllegalArgumentException} from its constructor becomes a {@link ConfigException} at the slot.
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * The record bound from {@code params}, defaults filled in.
     *
     * @param path the slot's key path (e.g. {@code tasks}), prefixed to every error
     */
    public static <P extends Record> P bind(Class<P> type, ObjectNode params, String path) {
        return bind(type, params, path, NestedResolver.NONE);
    }

    /** As {@link #bind(Class, ObjectNode, String)}, resolving component-valued parameters with {@code nested}. */
    static <P extends Record> P bind(Class<P> type, ObjectNode params, String path, NestedResolver nested) {
        List<String> names = ParameterGroups.all(type).stream().map(ParameterSpec::name).toList();
        params.fieldNames().forEachRemaining(key -> {
            if (!names.contains(key)) {
                throw new ConfigException(ConfigKeys.child(path, key), Messages.unknown("parameter", key, names, "allowed"));
            }
        });
        return bindRecord(type, params, path, nested);
    }

    /** Binds {@code type}'s own parameters from {@code params} and each of its groups from the same mapping. */
    private static <P extends Record> P bindRecord(Class<P> type, ObjectNode params, String path,
                                                   NestedResolver nested) {
        List<ParameterSpec> own = ParameterSpec.of(type);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        int next = 0;
        for (int i = 0; i < components.length; i++) {
            if (ParameterGroups.isGroup(components[i])) {
                values[i] = bindRecord(ParameterGroups.groupType(components[i]), params, path, nested);
            } else {
                ParameterSpec spec = own.get(next++);
                String at = ConfigKeys.child(path, spec.name());
                JsonNode node = params.get(spec.name());
                values[i] = node == null ? spec.defaultValue(at) : spec.bind(node, at, nested);
            }
        }
        return construct(type, values, path);
    }

    /** The declared defaults as a tree (required parameters are absent). */
    public static ObjectNode defaults(Class<? extends Record> type) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        for (ParameterSpec spec : ParameterGroups.all(type)) {
            if (!spec.required()) {
                tree.set(spec.name(), ParameterSpec.toNode(spec.defaultValue(spec.name())));
            }
        }
        return tree;
    }

    /** Every parameter's value in {@code parameters}, as a tree that binds back to an equal record. */
    public static ObjectNode toTree(Record parameters) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        List<ParameterSpec> own = ParameterSpec.of(parameters.getClass());
        int next = 0;
        for (RecordComponent component : parameters.getClass().getRecordComponents()) {
            if (ParameterGroups.isGroup(component)) {
                tree.setAll(toTree((Record) read(component, parameters)));
            } else {
                ParameterSpec spec = own.get(next++);
                tree.set(spec.name(), ParameterSpec.toNode(spec.read(parameters)));
            }
        }
        return tree;
    }

    private static Object read(RecordComponent component, Record parameters) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(parameters);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read parameter group " + component.getName(), e);
        }
    }

    /** The parameters of {@code type}, in declaration order, for listings. */
    public static List<ParameterInfo> describe(Class<? extends Record> type) {
        return ParameterGroups.all(type).stream().map(ParameterSpec::info).toList();
    }

    private static <P extends Record> P construct(Class<P> type, Object[] values, String path) {
        try {
            Constructor<P> constructor = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new ConfigException(path, invalid.getMessage() == null ? "invalid parameters" : invalid.getMessage());
            }
            throw new IllegalStateException("parameters record " + type.getName() + " failed to construct", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct parameters record " + type.getName(), e);
        }
    }
}
