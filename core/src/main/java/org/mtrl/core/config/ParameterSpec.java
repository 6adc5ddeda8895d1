package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.NestedComponent;
import org.mtrl.api.plugin.Param;

/**
 * One component of a parameters record: its {@link Param} annotation and value type, and how a
 * configuration value becomes a Java value of that type (or a {@link ConfigException} saying why not).
 * A parameter of a boxed or reference type whose default is {@code null} is optional: it accepts null.
 * A {@link NestedComponent} parameter is a component of another kind, resolved through a
 * {@link NestedResolver}; its default must be {@code null} or required.
 */
final class ParameterSpec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NULL_LITERALS = Set.of("null", "Null", "NULL", "~");

    /** The value types a parameter (or a list parameter's elements) may have. */
    private enum ValueType {
        INTEGER("an integer", "integer", "integers", int.class, Integer.class),
        LONG("an integer", "integer", "integers", long.class, Long.class),
        NUMBER("a number", "number", "numbers", double.class, Double.class),
        BOOLEAN("a boolean (true or false)", "boolean", "booleans", boolean.class, Boolean.class),
        STRING("a string", "string", "strings", String.class, String.class);

        final String expected;
        final String singular;
        final String plural;
        final Class<?> primitive;
        final Class<?> boxed;

        ValueType(String expected, String singular, String plural, Class<?> primitive, Class<?> boxed) {
            this.expected = expected;
            this.singular = singular;
            this.plural = plural;
            this.primitive = primitive;
            this.boxed = boxed;
        }

        static ValueType of(Class<?> type) {
            return Arrays.stream(values()).filter(v -> v.primitive == type || v.boxed == type).findFirst().orElse(null);
        }
    }

    private final Class<? extends Record> record;
    private final RecordComponent component;
    private final Param param;
    private final ValueType type;
    private final ComponentKind<?> nested;
    private final boolean list;
    private final boolean nullable;

    private ParameterSpec(Class<? extends Record> record, RecordComponent component, Param param, ValueType type,
                          ComponentKind<?> nested, boolean list) {
        this.record = record;
        this.component = component;
        this.param = param;
        this.type = type;
        this.nested = nested;
        this.list = list;
        this.nullable = NULL_LITERALS.contains(param.defaultValue().strip());
    }

    /**
     * The record's own parameters, in declaration order (components marked {@code ParamGroup} are
     * left to {@link ParameterGroups}).
     *
     * @throws IllegalArgumentException if a component lacks {@link Param} or has an unsupported type
     *                                  (a defect of the plugin, not of the configuration)
     */
    static List<ParameterSpec> of(Class<? extends Record> record) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (ParameterGroups.isGroup(component)) {
                continue;
            }
            String where = "parameter '" + component.getName() + "' of " + record.getName();
            Param param = component.getAnnotation(Param.class);
            if (param == null) {
                throw new IllegalArgumentException(where + " has no @Param annotation");
            }
            boolean list = component.getType() == List.class;
            ComponentKind<?> nested = nestedKind(component);
            ValueType type = list ? elementType(component) : ValueType.of(component.getType());
            if (type == null && nested == null) {
                throw new IllegalArgumentException(where + " has unsupported type " + component.getGenericType()
                        + "; supported: int, long, double, boolean, String, lists of them, and NestedComponent of a"
                        + " component interface");
            }
            ParameterSpec spec = new ParameterSpec(record, component, param, type, nested, list);
            if (spec.nullable && component.getType().isPrimitive()) {
                throw new IllegalArgumentException(where + " has default null but primitive type " + component.getType());
            }
            if (nested != null && !spec.nullable && !spec.required()) {
                throw new IllegalArgumentException(where + " is a nested component: its default must be null or"
                        + " required, not " + param.defaultValue());
            }
            specs.add(spec);
        }
        return specs;
    }

    /** The kind of a {@code NestedComponent<C>} component (C one of the kinds' interfaces), else null. */
    private static ComponentKind<?> nestedKind(RecordComponent component) {
        if (component.getType() != NestedComponent.class
                || !(component.getGenericType() instanceof ParameterizedType generic)) {
            return null;
        }
        return ComponentKind.ALL.stream().filter(kind -> kind.type() == generic.getActualTypeArguments()[0])
                .findFirst().orElse(null);
    }

    private static ValueType elementType(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return ValueType.of(element);
        }
        return null;
    }

    String name() {
        return component.getName();
    }

    boolean required() {
        return Param.REQUIRED.equals(param.defaultValue());
    }

    /** The configured value at {@code path} as this parameter's Java type, validated. */
    Object bind(JsonNode node, String path, NestedResolver resolver) {
        if (nullable && node.isNull()) {
            return null;
        }
        if (nested != null) {
            return resolver.resolve(nested, path, node);
        }
        if (!list) {
            return scalar(node, path);
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new ConfigException(path, "must not be empty");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                values.add(scalar(node.get(i), path + "[" + i + "]"));
            }
            return List.copyOf(values);
        }
        if (node.isValueNode() && !node.isNull()) {
            return List.of(scalar(node, path));
        }
        throw new ConfigException(path, "expected a list of " + type.plural + ", got " + Messages.show(node));
    }

    /**
     * The declared default, bound like a configured value.
     *
     * @throws ConfigException if the parameter is required, or if the plugin declared an invalid default
     */
    Object defaultValue(String path) {
        if (required()) {
            throw new ConfigException(path, "missing required parameter (" + param.value() + ")");
        }
        try {
            return bind(ConfigTrees.parseValue(param.defaultValue(), "default"), "", NestedResolver.NONE);
        } catch (ConfigException e) {
            throw new ConfigException(path, "invalid default '" + param.defaultValue() + "' declared by "
                    + record.getName() + ": " + e.getMessage());
        }
    }

    /** This parameter's value in {@code parameters}. */
    Object read(Record parameters) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(parameters);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("accessor " + accessor + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    /** A bound value as a tree node; integers take the narrowest node, so trees compare equal after a round trip. */
    static JsonNode toNode(Object value) {
        if (value instanceof ResolvedComponent<?> resolved) {
            return resolved.tree().deepCopy();
        }
        if (value instanceof List<?> values) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(v -> array.add(toNode(v)));
            return array;
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
    }

    ParameterInfo info() {
        String typeName = (nested != null ? nested.name() + " component" : list ? "list of " + type.plural
                : type.singular) + (nullable ? " or null" : "");
        String defaultValue = required() ? null : param.defaultValue();
        return new ParameterInfo(name(), typeName, param.value(), defaultValue, required(), range(),
                List.of(param.allowed()));
    }

    private Object scalar(JsonNode node, String path) {
        switch (type) {
            case INTEGER:
            case LONG:
                return integral(node, path);
            case NUMBER:
                return checkRange(finite(node, path), node, path);
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw expected(node, path);
                }
                return node.booleanValue();
            default:
                if (!node.isTextual()) {
                    throw expected(node, path);
                }
                return allowedString(node.textValue(), path);
        }
    }

    private Object integral(JsonNode node, String path) {
        double approximate = finite(node, path);
        if (!node.isIntegralNumber() && approximate != Math.rint(approximate)) {
            throw expected(node, path);
        }
        boolean fits = type == ValueType.INTEGER ? node.canConvertToInt() : node.canConvertToLong();
        if (!fits) {
            throw new ConfigException(path, "value " + Messages.show(node) + " does not fit in a "
                    + (type == ValueType.INTEGER ? "32" : "64") + "-bit integer");
        }
        checkRange(approximate, node, path);
        return type == ValueType.INTEGER ? (Object) node.intValue() : (Object) node.longValue();
    }

    /** The node's number, which must be finite (YAML's .nan and .inf are not). */
    private double finite(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw expected(node, path);
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new ConfigException(path, "must be a finite number, got " + Messages.show(node));
        }
        return value;
    }

    private double checkRange(double value, JsonNode node, String path) {
        boolean tooSmall = value < param.min() || param.minExclusive() && value == param.min();
        if (tooSmall || value > param.max()) {
            throw new ConfigException(path, "value " + Messages.show(node) + " is out of range; allowed: " + range());
        }
        return value;
    }

    private String allowedString(String value, String path) {
        List<String> allowed = List.of(param.allowed());
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new ConfigException(path, Messages.unknown("value", value, allowed, "allowed"));
        }
        return value;
    }

    private ConfigException expected(JsonNode node, String path) {
        return new ConfigException(path, "expected " + type.expected + ", got " + Messages.show(node));
    }

    /** {@code >= 1}, {@code > 0}, {@code <= 5}, {@code [0, 0.5]} or {@code (0, 1]}; empty when unbounded. */
    private String range() {
        boolean hasMin = param.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = param.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return (param.minExclusive() ? "(" : "[") + format(param.min()) + ", " + format(param.max()) + "]";
        }
        if (hasMin) {
            return (param.minExclusive() ? "> " : ">= ") + format(param.min());
        }
        return hasMax ? "<= " + format(param.max()) : "";
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
    }
}
