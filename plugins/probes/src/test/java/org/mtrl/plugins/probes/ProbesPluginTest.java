package org.mtrl.plugins.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.runtime.Workers;
import org.mtrl.testkit.KitStreams;

class ProbesPluginTest {
    private final Plugin plugin = new ProbesPlugin();

    /** The parameters record filled from its {@link Param#defaultValue()} literals. */
    private static Record defaults(Class<? extends Record> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String literal = components[i].getAnnotation(Param.class).defaultValue();
            types[i] = components[i].getType();
            values[i] = parse(types[i], literal);
        }
        Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    private static Object parse(Class<?> type, String literal) {
        if (literal.equals("null")) {
            return null;
        }
        if (type == int.class) {
            return Integer.parseInt(literal);
        }
        if (type == double.class) {
            return Double.parseDouble(literal);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(literal);
        }
        if (type == List.class) {
            String inner = literal.substring(literal.indexOf('[') + 1, literal.lastIndexOf(']'));
            List<Integer> list = new ArrayList<>();
            for (String part : inner.split(",")) {
                list.add(Integer.parseInt(part.trim()));
            }
            return list;
        }
        throw new AssertionError("unexpected parameter type " + type);
    }

    @Test
    void namesFiveProbesWithUniqueTypes() {
        assertEquals("probes", plugin.name());
        List<String> types = plugin.factories().stream().map(ComponentFactory::type).toList();
        assertEquals(List.of("subspace-distance", "energy-outside", "feature-coverage", "downstream-linear",
                "pretrain-loss"), types);
        assertEquals(types.size(), new HashSet<>(types).size());
        for (ComponentFactory<?, ?> factory : plugin.factories()) {
            assertEquals(ComponentKind.PROBE, factory.kind());
            assertTrue(factory.type().matches("[a-z]+(-[a-z]+)*"), factory.type());
            assertTrue(!factory.description().isBlank() && !factory.description().contains("\n"));
        }
    }

    @Test
    void everyParameterIsDescribedAndEveryFactoryCreatesFromDefaults() throws ReflectiveOperationException {
        Workers workers = Fixtures.workers(1);
        ComponentContext context = new ComponentContext(new KitStreams(1), workers);
        for (ComponentFactory<?, ?> factory : plugin.factories()) {
            for (RecordComponent component : factory.parameters().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertNotNull(param, factory.type() + "." + component.getName() + " lacks @Param");
                assertTrue(!param.value().isBlank(), component.getName());
                assertTrue(!Param.REQUIRED.equals(param.defaultValue()), component.getName() + " has a default");
            }
            Object probe = create(factory, defaults(factory.parameters()), context);
            assertTrue(probe instanceof Probe, factory.type());
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Object create(ComponentFactory<P, ?> factory, Record params,
                                                    ComponentContext context) {
        return factory.create((P) params, context);
    }

    @Test
    void defaultsArePinned() throws ReflectiveOperationException {
        assertEquals(new DownstreamLinearProbe.Params(List.of(100, 300, 1000), 2000, 5, null, 0.001, 50, true, true, 1.0),
                defaults(DownstreamLinearProbe.Params.class));
        assertEquals(new FeatureCoverageProbe.Params(0.1), defaults(FeatureCoverageProbe.Params.class));
        assertEquals(new PretrainLossProbe.Params(2000, 1000, 5, 0.001, 50), defaults(PretrainLossProbe.Params.class));
        Set<Integer> componentCounts = new HashSet<>(Arrays.asList(
                SubspaceDistanceProbe.Params.class.getRecordComponents().length,
                EnergyOutsideProbe.Params.class.getRecordComponents().length));
        assertEquals(Set.of(0), componentCounts);
    }

    /** A model on R^6 probed against a ground truth in R^5: every probe refuses, naming both dimensions. */
    @Test
    void everyProbeRejectsAModelOfAnotherDimension() throws ReflectiveOperationException {
        Workers workers = Fixtures.workers(1);
        ComponentContext context = new ComponentContext(new KitStreams(1), workers);
        GaussianData data = GaussianData.random(5, 2, Fixtures.stream(7));
        Model model = Fixtures.model(Matrix.zeros(3, 6), 1);
        for (ComponentFactory<?, ?> factory : plugin.factories()) {
            Probe probe = (Probe) create(factory, defaults(factory.parameters()), context);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> probe.measure(Fixtures.context(model, data)), factory.type());
            assertTrue(e.getMessage().contains("d=6") && e.getMessage().contains("d=5"), e.getMessage());
        }
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(ServiceLoader.load(Plugin.class).stream().anyMatch(p -> p.type() == ProbesPlugin.class));
    }
}
