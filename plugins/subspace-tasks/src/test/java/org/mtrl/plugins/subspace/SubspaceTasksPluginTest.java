package org.mtrl.plugins.subspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.runtime.SeededRandomStreams;

class SubspaceTasksPluginTest {
    private final Plugin plugin = new SubspaceTasksPlugin();

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(Plugin.class).stream().anyMatch(p -> p.type() == SubspaceTasksPlugin.class));
        assertEquals("subspace-tasks", plugin.name());
    }

    @Test
    void listsExactlyTheFiveFactoriesWithUniqueTypes() {
        List<ComponentFactory<?, ?>> factories = plugin.factories();
        Map<String, ComponentKind<?>> kinds = factories.stream()
                .collect(Collectors.toMap(ComponentFactory::type, ComponentFactory::kind));
        assertEquals(5, factories.size());
        assertEquals(Map.of(
                "gaussian", ComponentKind.DATA,
                "linear-threshold", ComponentKind.TASKS,
                "biased-threshold", ComponentKind.TASKS,
                "parity", ComponentKind.TASKS,
                "relu-teacher", ComponentKind.TASKS), kinds);
        for (ComponentFactory<?, ?> factory : factories) {
            assertTrue(factory.type().matches("[a-z]+(-[a-z]+)*"), factory.type());
            assertFalse(factory.description().isBlank() || factory.description().contains("\n"), factory.type());
        }
    }

    @Test
    void everyParameterIsAnnotatedWithAnAllowedDefault() {
        Set<Class<?>> allowedTypes = Set.of(int.class, long.class, double.class, boolean.class, String.class, List.class);
        for (ComponentFactory<?, ?> factory : plugin.factories()) {
            for (RecordComponent component : factory.parameters().getRecordComponents()) {
                String where = factory.type() + "." + component.getName();
                Param param = component.getAnnotation(Param.class);
                assertNotNull(param, where + " lacks @Param");
                assertFalse(param.value().isBlank(), where);
                assertNotEquals(Param.REQUIRED, param.defaultValue(), where);
                assertTrue(allowedTypes.contains(component.getType()), where + " has type " + component.getType());
                double value = Double.parseDouble(param.defaultValue());
                assertTrue(value >= param.min() && value <= param.max(), where + " default outside its range");
            }
        }
    }

    @Test
    void everyFactoryCreatesItsComponentFromDefaults() throws ReflectiveOperationException {
        Map<String, ComponentFactory<?, ?>> byType = plugin.factories().stream()
                .collect(Collectors.toMap(ComponentFactory::type, Function.identity()));
        DataDistribution data = (DataDistribution) createFromDefaults(byType.get("gaussian"));
        assertEquals(100, data.dim());
        assertEquals(5, data.groundTruth().rank());
        for (String type : List.of("linear-threshold", "biased-threshold", "parity", "relu-teacher")) {
            TaskFamily family = (TaskFamily) createFromDefaults(byType.get(type));
            assertEquals(50, family.count(), type);
            Task task = family.draw(data.groundTruth(), new SeededRandomStreams(1).stream("task"));
            double[] y = new double[200];
            task.label(Fixtures.gaussians(200, 5, 2, "z"), 200, new SeededRandomStreams(1).stream("noise"), y);
            for (double label : y) {
                assertTrue(label == 1 || label == -1, type + " label " + label);
            }
        }
    }

    /** Builds the factory's parameters record from the {@code defaultValue} literals and creates the component. */
    private static <P extends Record, C> C createFromDefaults(ComponentFactory<P, C> factory)
            throws ReflectiveOperationException {
        RecordComponent[] components = factory.parameters().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String literal = components[i].getAnnotation(Param.class).defaultValue();
            values[i] = types[i] == int.class ? (Object) Integer.parseInt(literal) : (Object) Double.parseDouble(literal);
        }
        P parameters = factory.parameters().getDeclaredConstructor(types).newInstance(values);
        return factory.create(parameters, Fixtures.context(3));
    }
}
