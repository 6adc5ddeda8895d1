package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtrl.core.config.TestPlugins.assertConfigError;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.api.plugin.Param;
import org.mtrl.core.config.TestPlugins.DownstreamParams;
import org.mtrl.core.config.TestPlugins.GaussianParams;
import org.mtrl.core.config.TestPlugins.ModelParams;
import org.mtrl.core.config.TestPlugins.NoParams;
import org.mtrl.core.config.TestPlugins.ParityParams;
import org.mtrl.core.config.TestPlugins.ThresholdParams;

class ParameterBinderTest {
    private static final ModelParams MODEL_DEFAULTS =
            new ModelParams(200, "logistic", 1.0, false, 5_000_000_000L, List.of(0.5, 1.0), null);

    private static ObjectNode tree(String yaml) {
        return ConfigTrees.parse(yaml, "test");
    }

    private static ModelParams model(String yaml) {
        return ParameterBinder.bind(ModelParams.class, tree(yaml), "model");
    }

    @Test
    void fillsEveryDefault() {
        assertEquals(MODEL_DEFAULTS, model("{}"));
        assertEquals(new NoParams(), ParameterBinder.bind(NoParams.class, tree("{}"), "probes.x"));
    }

    @Test
    void givenValuesReplaceDefaults() {
        assertEquals(new ModelParams(400, "hinge", 0.25, true, 7, List.of(0.1), 0.5),
                model("{width: 400, loss: hinge, initScale: 0.25, trainBias: true, budget: 7, steps: [0.1], decay: 0.5}"));
    }

    @Test
    void anIntegerAcceptsAWholeNumberInAnyNotation() {
        assertEquals(1000, model("{width: 1e3}").width());
        assertEquals(400, model("{width: 400.0}").width());
        assertEquals(2.0, model("{initScale: 2}").initScale());
    }

    @Test
    void anUnknownKeyNamesTheAllowedOnesAndTheClosest() {
        ConfigException e = assertConfigError(() -> ParameterBinder.bind(ThresholdParams.class, tree("{cout: 5}"), "tasks"));
        assertEquals("tasks.cout: unknown parameter 'cout'; allowed: count, labelNoise; did you mean 'count'?", e.getMessage());
        assertEquals("tasks.cout", e.path());
        assertConfigError(() -> ParameterBinder.bind(NoParams.class, tree("{samples: 5}"), "probes.x"),
                "probes.x.samples: unknown parameter 'samples'; allowed: (none)");
    }

    @Test
    void aRequiredParameterMustBeGiven() {
        assertConfigError(() -> ParameterBinder.bind(ParityParams.class, tree("{count: 3}"), "tasks"),
                "tasks.order: missing required parameter (coordinates multiplied)");
        assertEquals(new ParityParams(50, 2), ParameterBinder.bind(ParityParams.class, tree("{order: 2}"), "tasks"));
    }

    @Test
    void aWrongTypeNamesTheExpectedTypeAndTheValue() {
        assertConfigError(() -> model("{width: abc}"), "model.width: expected an integer, got \"abc\"");
        assertConfigError(() -> model("{width: '400'}"), "model.width: expected an integer, got \"400\"");
        assertConfigError(() -> model("{width: 2.5}"), "model.width: expected an integer, got 2.5");
        assertConfigError(() -> model("{width: null}"), "model.width: expected an integer, got null");
        assertConfigError(() -> model("{width: 3000000000}"), "model.width: value 3000000000 does not fit in a 32-bit integer");
        assertConfigError(() -> model("{budget: 1e30}"), "model.budget: value 1.0E30 does not fit in a 64-bit integer");
        assertConfigError(() -> model("{initScale: '1'}"), "model.initScale: expected a number, got \"1\"");
        assertConfigError(() -> model("{trainBias: 'yes'}"), "model.trainBias: expected a boolean (true or false), got \"yes\"");
        assertConfigError(() -> model("{trainBias: 1}"), "model.trainBias: expected a boolean (true or false), got 1");
        assertConfigError(() -> model("{loss: 5}"), "model.loss: expected a string, got 5");
        assertConfigError(() -> model("{steps: {a: 1}}"), "model.steps: expected a list of numbers, got {\"a\":1}");
        assertConfigError(() -> model("{steps: [0.5, x]}"), "model.steps[1]: expected a number, got \"x\"");
    }

    @Test
    void numbersMustBeFinite() {
        assertConfigError(() -> model("{initScale: .nan}"), "model.initScale: must be a finite number, got .nan");
        assertConfigError(() -> model("{initScale: .inf}"), "model.initScale: must be a finite number, got .inf");
        assertConfigError(() -> model("{width: -.inf}"), "model.width: must be a finite number, got -.inf");
        assertConfigError(() -> model("{steps: [1, .inf]}"), "model.steps[1]: must be a finite number");
        assertConfigError(() -> model("{initScale: 1e400}"), "model.initScale: must be a finite number");
    }

    @Test
    void aValueOutOfRangeNamesTheRange() {
        assertConfigError(() -> model("{width: 0}"), "model.width: value 0 is out of range; allowed: >= 1");
        assertConfigError(() -> model("{initScale: 0}"), "model.initScale: value 0 is out of range; allowed: > 0");
        assertConfigError(() -> model("{decay: -1}"), "model.decay: value -1 is out of range; allowed: >= 0");
        assertConfigError(() -> ParameterBinder.bind(ThresholdParams.class, tree("{labelNoise: 0.7}"), "tasks"),
                "tasks.labelNoise: value 0.7 is out of range; allowed: [0, 0.5]");
        assertEquals(0.5, ParameterBinder.bind(ThresholdParams.class, tree("{labelNoise: 0.5}"), "tasks").labelNoise());
    }

    @Test
    void everyListElementIsChecked() {
        assertConfigError(() -> model("{steps: [0.5, 0]}"), "model.steps[1]: value 0 is out of range; allowed: > 0");
        assertConfigError(() -> ParameterBinder.bind(DownstreamParams.class, tree("{samples: [100, 0]}"), "probes.d"),
                "probes.d.samples[1]: value 0 is out of range; allowed: >= 1");
    }

    @Test
    void aListMustNotBeEmptyAndASingleNumberIsAOneElementList() {
        assertConfigError(() -> model("{steps: []}"), "model.steps: must not be empty");
        assertEquals(List.of(0.25), model("{steps: 0.25}").steps());
        assertEquals(List.of(50), ParameterBinder.bind(DownstreamParams.class, tree("{samples: 50}"), "p").samples());
    }

    @Test
    void aStringMustBeOneOfTheAllowedValues() {
        ConfigException e = assertConfigError(() -> model("{loss: logistc}"));
        assertEquals("model.loss: unknown value 'logistc'; allowed: hinge, logistic, squared; did you mean 'logistic'?",
                e.getMessage());
        assertConfigError(() -> model("{loss: cross-entropy}"), "allowed: hinge, logistic, squared");
    }

    @Test
    void aParameterWithDefaultNullAcceptsNull() {
        assertNull(model("{decay: null}").decay());
        assertEquals(0.5, model("{decay: 0.5}").decay());
    }

    @Test
    void aCrossCheckOfTheRecordBecomesAnErrorAtTheSlot() {
        ConfigException e = assertConfigError(() -> ParameterBinder.bind(GaussianParams.class, tree("{dim: 3}"), "data"));
        assertEquals("data: rank=5 exceeds dim=3", e.getMessage());
        assertEquals("data", e.path());
    }

    @Test
    void theTreeOfABoundRecordBindsBackToAnEqualRecord() {
        ModelParams bound = model("{width: 400, steps: 0.25, decay: 0.5}");
        ObjectNode tree = ParameterBinder.toTree(bound);
        assertEquals(tree("{width: 400, loss: logistic, initScale: 1.0, trainBias: false, budget: 5000000000,"
                + " steps: [0.25], decay: 0.5}"), tree);
        assertEquals(bound, ParameterBinder.bind(ModelParams.class, tree, "model"));
        assertTrue(ParameterBinder.toTree(MODEL_DEFAULTS).get("decay").isNull());
    }

    @Test
    void defaultsListsEveryDefaultButNotTheRequired() {
        assertEquals(ParameterBinder.toTree(MODEL_DEFAULTS), ParameterBinder.defaults(ModelParams.class));
        assertEquals(tree("{count: 50}"), ParameterBinder.defaults(ParityParams.class));
    }

    @Test
    void describeListsTypesDefaultsRangesAndAllowedValues() {
        List<ParameterInfo> model = ParameterBinder.describe(ModelParams.class);
        assertEquals(List.of("width", "loss", "initScale", "trainBias", "budget", "steps", "decay"),
                model.stream().map(ParameterInfo::name).toList());
        assertEquals(new ParameterInfo("width", "integer", "hidden units m", "200", false, ">= 1", List.of()), model.get(0));
        assertEquals(new ParameterInfo("loss", "string", "training loss", "logistic", false, "",
                List.of("hinge", "logistic", "squared")), model.get(1));
        assertEquals("> 0", model.get(2).range());
        assertEquals("boolean", model.get(3).typeName());
        assertEquals("list of numbers", model.get(5).typeName());
        assertEquals("number or null", model.get(6).typeName());
        assertEquals(new ParameterInfo("order", "integer", "coordinates multiplied", null, true, "", List.of()),
                ParameterBinder.describe(ParityParams.class).get(1));
        assertEquals(new ParameterInfo("samples", "list of integers", "downstream sample sizes n3", "[100, 300]", false,
                ">= 1", List.of()), ParameterBinder.describe(DownstreamParams.class).get(0));
        assertEquals("[0, 0.5]", ParameterBinder.describe(ThresholdParams.class).get(1).range());
    }

    record BadDefault(@Param(value = "a count", defaultValue = "0", min = 1) int count) {
    }

    record UnsupportedType(@Param(value = "a map") Map<String, Integer> weights) {
    }

    record NullPrimitive(@Param(value = "a width", defaultValue = "null") int width) {
    }

    @Test
    void aPluginsInvalidDeclarationIsReportedAsItsDefect() {
        assertConfigError(() -> ParameterBinder.bind(BadDefault.class, tree("{}"), "tasks"),
                "tasks.count: invalid default '0' declared by " + BadDefault.class.getName(),
                "value 0 is out of range; allowed: >= 1");
        IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class,
                () -> ParameterBinder.describe(UnsupportedType.class));
        assertTrue(unsupported.getMessage().contains("parameter 'weights'"), unsupported.getMessage());
        IllegalArgumentException nullPrimitive = assertThrows(IllegalArgumentException.class,
                () -> ParameterBinder.bind(NullPrimitive.class, tree("{}"), "model"));
        assertTrue(nullPrimitive.getMessage().contains("default null but primitive type int"), nullPrimitive.getMessage());
    }
}
