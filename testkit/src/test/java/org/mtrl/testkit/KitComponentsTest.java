package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;

/** KitComponents reads every supported default, takes the values a test gives, and refuses what it cannot do. */
class KitComponentsTest {
    private static final Probe PROBE = context -> List.of(new Metric("x", 1));

    record Step(@Param(value = "step size", defaultValue = "0.5") double size,
                @Param(value = "decay", defaultValue = "~") Double decay) {
    }

    record Everything(@Param(value = "an int", defaultValue = "3") int count,
                      @Param(value = "a boxed int", defaultValue = "4") Integer boxedCount,
                      @Param(value = "a long", defaultValue = "5000000000") long big,
                      @Param(value = "a boxed long", defaultValue = "6") Long boxedBig,
                      @Param(value = "a boolean", defaultValue = "true") boolean flag,
                      @Param(value = "a boxed boolean", defaultValue = "false") Boolean boxedFlag,
                      @Param(value = "a string", defaultValue = "logistic") String name,
                      @Param(value = "a list", defaultValue = "[100, 300]") List<Integer> samples,
                      @Param(value = "an empty list", defaultValue = "[ ]") List<Double> none,
                      @Param(value = "a null", defaultValue = "null") String missing,
                      @ParamGroup("the step") Step step) {
    }

    /** Private, as a plugin's parameter record may be: the kit still creates it. */
    private record NeedsAValue(@Param("no default") int size) {
    }

    record Unreadable(@Param(value = "a char", defaultValue = "x") char letter) {
    }

    record Refusing(@Param(value = "must be positive", defaultValue = "1") int size) {
        Refusing {
            if (size <= 0) {
                throw new IllegalArgumentException("size=" + size + " must be positive");
            }
        }
    }

    /** A probe factory whose probe reports nothing; the test reads the parameters it was created with. */
    private static <P extends Record> ComponentFactory<P, Probe> factory(String type, Class<P> parameters,
                                                                         List<Object> created) {
        return ComponentFactory.of(ComponentKind.PROBE, type, "test", parameters, (p, context) -> {
            created.add(p);
            created.add(context);
            return PROBE;
        });
    }

    @Test
    void everySupportedDefaultIsRead() {
        List<Object> created = new ArrayList<>();
        assertSame(PROBE, KitComponents.create(factory("everything", Everything.class, created), Map.of()));
        assertEquals(new Everything(3, 4, 5_000_000_000L, 6L, true, false, "logistic", List.of(100, 300), List.of(), null,
                new Step(0.5, null)), created.get(0));
        ComponentContext context = (ComponentContext) created.get(1);
        assertEquals(1, context.workers().threads());
        assertEquals(new KitStreams(1).scoped("probe").stream("a").nextLong(), context.streams().stream("a").nextLong());
    }

    @Test
    void givenValuesReplaceDefaultsInsideGroupsToo() {
        List<Object> created = new ArrayList<>();
        KitComponents.create(factory("everything", Everything.class, created), Map.of("count", 7, "size", 0.25));
        Everything p = (Everything) created.get(0);
        assertEquals(7, p.count());
        assertEquals(new Step(0.25, null), p.step());
    }

    @Test
    void theGivenContextIsPassedOn() {
        List<Object> created = new ArrayList<>();
        ComponentContext context = new ComponentContext(new KitStreams(9), KitWorkers.fourThreads());
        assertSame(PROBE, KitComponents.create(factory("step", Step.class, created), Map.of(), context));
        assertSame(context, created.get(1));
    }

    @Test
    void theGivenWorkersRunTheComponentWithTheKitsStreams() {
        List<Object> created = new ArrayList<>();
        KitComponents.create(factory("step", Step.class, created), Map.of(), KitWorkers.fourThreads());
        ComponentContext context = (ComponentContext) created.get(1);
        assertSame(KitWorkers.fourThreads(), context.workers());
        assertEquals(new KitStreams(1).scoped("probe").stream("a").nextLong(), context.streams().stream("a").nextLong());
    }

    @Test
    void theParametersAreTheRecordACreationPasses() {
        List<Object> created = new ArrayList<>();
        ComponentFactory<Everything, Probe> everything = factory("everything", Everything.class, created);
        Everything parameters = KitComponents.parameters(everything, Map.of("decay", 0.5));
        assertEquals(new Step(0.5, 0.5), parameters.step());
        KitComponents.create(everything, Map.of("decay", 0.5));
        assertEquals(created.get(0), parameters);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KitComponents.parameters(everything, Map.of("steps", 1)));
        assertEquals("everything has no parameters [steps]", unknown.getMessage());
        assertTrue(created.size() == 2, "parameters() creates no component");
    }

    @Test
    void unknownNamesMissingValuesAndUnreadableDefaultsAreRefused() {
        List<Object> created = new ArrayList<>();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KitComponents.create(factory("step", Step.class, created), Map.of("sise", 1.0)));
        assertEquals("step has no parameters [sise]", unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KitComponents.create(factory("needs", NeedsAValue.class, created), Map.of()));
        assertEquals("NeedsAValue.size has no default: give it a value", missing.getMessage());
        KitComponents.create(factory("needs", NeedsAValue.class, created), Map.of("size", 2));
        assertEquals(new NeedsAValue(2), created.get(created.size() - 2));
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> KitComponents.create(factory("char", Unreadable.class, created), Map.of()));
        assertTrue(unreadable.getMessage().contains("cannot read a default of type char (x)"), unreadable.getMessage());
    }

    @Test
    void aRecordRefusingItsValuesThrowsItsOwnMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KitComponents.create(factory("refusing", Refusing.class, new ArrayList<>()),
                        Map.of("size", 0)));
        assertEquals("size=0 must be positive", e.getMessage());
    }

    @Test
    void theFactoryIsFoundByKindAndType() {
        List<Object> created = new ArrayList<>();
        ComponentFactory<Step, Probe> step = factory("step", Step.class, created);
        ComponentFactory<NeedsAValue, Probe> needs = factory("needs", NeedsAValue.class, created);
        Plugin plugin = new Plugin() {
            @Override
            public String name() {
                return "two-probes";
            }

            @Override
            public List<ComponentFactory<?, ?>> factories() {
                return List.of(step, needs);
            }
        };
        assertSame(needs, KitComponents.factory(plugin, ComponentKind.PROBE, "needs"));
        assertSame(step, KitComponents.factory(plugin, ComponentKind.PROBE, "step"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KitComponents.factory(plugin, ComponentKind.OPTIMIZER, "step"));
        assertEquals("two-probes has no optimizer/step", e.getMessage());
    }
}
