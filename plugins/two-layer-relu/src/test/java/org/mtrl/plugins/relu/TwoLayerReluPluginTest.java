package org.mtrl.plugins.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.Model;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.testkit.KitStreams;
import org.mtrl.testkit.KitWorkers;

class TwoLayerReluPluginTest {

    @Test
    void isFoundByServiceLoader() {
        boolean found = ServiceLoader.load(Plugin.class).stream()
                .anyMatch(provider -> provider.type() == TwoLayerReluPlugin.class);
        assertTrue(found);
        assertEquals("two-layer-relu", new TwoLayerReluPlugin().name());
    }

    @Test
    void offersOneModelFactory() {
        List<ComponentFactory<?, ?>> factories = new TwoLayerReluPlugin().factories();
        assertEquals(1, factories.size());
        ComponentFactory<?, ?> factory = factories.get(0);
        assertEquals(ComponentKind.MODEL, factory.kind());
        assertEquals("two-layer-relu", factory.type());
        assertEquals(TwoLayerReluParams.class, factory.parameters());
        assertFalse(factory.description().isBlank());
        assertFalse(factory.description().contains("\n"));
    }

    @Test
    void everyParameterIsDescribedWithADefault() {
        for (RecordComponent component : TwoLayerReluParams.class.getRecordComponents()) {
            Param param = component.getAnnotation(Param.class);
            assertNotNull(param, component.getName() + " lacks @Param");
            assertFalse(param.value().isBlank(), component.getName());
            assertFalse(Param.REQUIRED.equals(param.defaultValue()), component.getName() + " has no default");
        }
    }

    @Test
    void createsAWorkingArchitectureFromTheDefaults() throws Exception {
        TwoLayerReluParams defaults = defaults();
        assertEquals(new TwoLayerReluParams(200, "gaussian", 1, 0, "logistic"), defaults);
        Architecture architecture = create(defaults);
        Model model = architecture.build(10, 3, Fixtures.stream(1));
        assertEquals(200, model.width());
        assertEquals("logistic", model.loss().name());
        assertTrue(Arrays.stream(model.heads().data()).allMatch(a -> a == 0));
        assertTrue(model.firstLayer().frobeniusNorm() > 0);
    }

    @Test
    void rejectsUnknownChoicesNamingTheKey() {
        IllegalArgumentException init = assertThrows(IllegalArgumentException.class,
                () -> create(new TwoLayerReluParams(5, "orthogonal", 1, 0, "logistic")));
        assertTrue(init.getMessage().contains("weightInit=orthogonal"), init.getMessage());
        IllegalArgumentException loss = assertThrows(IllegalArgumentException.class,
                () -> create(new TwoLayerReluParams(5, "gaussian", 1, 0, "exponential")));
        assertTrue(loss.getMessage().contains("loss=exponential"), loss.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Architecture create(TwoLayerReluParams params) {
        ComponentFactory<TwoLayerReluParams, Architecture> factory =
                (ComponentFactory<TwoLayerReluParams, Architecture>) new TwoLayerReluPlugin().factories().get(0);
        return factory.create(params, new ComponentContext(new KitStreams(1).scoped("model"), KitWorkers.sameThread()));
    }

    /** The record built from every component's {@code defaultValue}, parsed by its type. */
    private static TwoLayerReluParams defaults() throws Exception {
        RecordComponent[] components = TwoLayerReluParams.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String literal = components[i].getAnnotation(Param.class).defaultValue();
            types[i] = components[i].getType();
            if (types[i] == int.class) {
                values[i] = Integer.parseInt(literal);
            } else if (types[i] == double.class) {
                values[i] = Double.parseDouble(literal);
            } else {
                values[i] = literal;
            }
        }
        Constructor<TwoLayerReluParams> constructor = TwoLayerReluParams.class.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }
}
