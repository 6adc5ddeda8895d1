package org.mtrl.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.runtime.Workers;

/**
 * Creates a component through its factory, as a run would, from the defaults its {@link Param}s declare
 * and a few values the test sets (by parameter name, as in a configuration; a {@link ParamGroup}'s
 * parameters too):
 *
 * <pre>{@code
 * TaskFamily family = KitComponents.create(MyPlugin.FACTORY, Map.of("count", 4));
 * }</pre>
 *
 * Defaults are read as the YAML literals mtrl accepts for the supported types: numbers, booleans,
 * strings, lists of numbers ({@code [100, 300]}) and {@code null}.
 */
public final class KitComponents {
    private KitComponents() {
    }

    /** The factory of {@code kind} and {@code type} among {@code plugin}'s. */
    @SuppressWarnings("unchecked")
    public static <C> ComponentFactory<?, C> factory(Plugin plugin, ComponentKind<C> kind, String type) {
        return (ComponentFactory<?, C>) plugin.factories().stream()
                .filter(f -> f.kind().equals(kind) && f.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(plugin.name() + " has no " + kind + "/" + type));
    }

    /** The component from defaults and {@code values}, with a context of {@link KitStreams} seed 1 on one thread. */
    public static <C> C create(ComponentFactory<?, C> factory, Map<String, ?> values) {
        return create(factory, values, KitWorkers.sameThread());
    }

    /** The component from defaults and {@code values}, with a context of {@link KitStreams} seed 1 on {@code workers}. */
    public static <C> C create(ComponentFactory<?, C> factory, Map<String, ?> values, Workers workers) {
        return create(factory, values, new ComponentContext(new KitStreams(1).scoped(factory.kind().name()), workers));
    }

    /** The component from defaults and {@code values}, created in {@code context}. */
    public static <C> C create(ComponentFactory<?, C> factory, Map<String, ?> values, ComponentContext context) {
        return createTyped(factory, values, context);
    }

    /**
     * The parameter record the component would be created with: {@code values}, the rest at their
     * declared defaults (to pin a plugin's defaults, say).
     */
    public static <P extends Record> P parameters(ComponentFactory<P, ?> factory, Map<String, ?> values) {
        Set<String> used = new HashSet<>();
        P parameters = parameters(factory.parameters(), values, used);
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(factory.type() + " has no parameters " + unknown);
        }
        return parameters;
    }

    private static <P extends Record, C> C createTyped(ComponentFactory<P, C> factory, Map<String, ?> values,
                                                       ComponentContext context) {
        return factory.create(parameters(factory, values), context);
    }

    private static <P extends Record> P parameters(Class<P> type, Map<String, ?> values, Set<String> used) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.isAnnotationPresent(ParamGroup.class)) {
                arguments[i] = parameters(component.getType().asSubclass(Record.class), values, used);
            } else if (values.containsKey(component.getName())) {
                used.add(component.getName());
                arguments[i] = values.get(component.getName());
            } else {
                Param param = component.getAnnotation(Param.class);
                if (param == null || Param.REQUIRED.equals(param.defaultValue())) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName()
                            + " has no default: give it a value");
                }
                arguments[i] = literal(param.defaultValue(), component);
            }
        }
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Object literal(String text, RecordComponent component) {
        Class<?> type = component.getType();
        if (text.equals("null") || text.equals("~")) {
            return null;
        }
        if (type == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            String inner = text.strip().replaceAll("^\\[|\\]$", "").strip();
            return inner.isEmpty() ? List.of()
                    : Arrays.stream(inner.split(",")).map(s -> scalar(s.strip(), element)).toList();
        }
        return scalar(text, type);
    }

    private static Object scalar(String text, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == double.class || type == Double.class) {
            return Double.valueOf(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == String.class) {
            return text;
        }
        throw new IllegalArgumentException("the kit cannot read a default of type " + type.getSimpleName()
                + " (" + text + "): give the value");
    }
}
