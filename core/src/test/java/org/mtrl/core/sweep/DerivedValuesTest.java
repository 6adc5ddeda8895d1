package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;

class DerivedValuesTest {
    private static final String CELL = "data: {dim: 40, rank: 3}\n"
            + "optimizer: {headSamples: 100, headStep: 0.5}\n"
            + "probes: {downstream-linear: {samples: [100]}}\n";

    private static List<String> derive(String block) {
        return DerivedValues.fromBlock(ConfigTrees.parse("d: " + block, "test").get("d"))
                .overrides(ConfigTrees.parse(CELL, "test"), Map.of("scale", JsonNodeFactory.instance.numberNode(1.5)));
    }

    @Test
    void valuesAreComputedInOrderRoundedForIntegersAndKeptForFractions() {
        assertEquals(List.of("optimizer.headSamples=800", "optimizer.repSamples=1600"),
                derive("{optimizer.headSamples: '20 * data.dim', optimizer.repSamples: '2 * optimizer.headSamples'}"));
        assertEquals(List.of("optimizer.headSamples=13"), derive("{optimizer.headSamples: '40 / 3'}"), "13.33 rounds down");
        assertEquals(List.of("optimizer.headSamples=14"), derive("{optimizer.headSamples: '27 / 2'}"), "13.5 rounds up");
        assertEquals(List.of("optimizer.headStep=0.75"), derive("{optimizer.headStep: 'optimizer.headStep * scale'}"));
        assertEquals(List.of("probes.downstream-linear.samples=[ 150 ]"),
                derive("{probes.downstream-linear.samples: 'probes.downstream-linear.samples * scale'}"),
                "a one-number list stays a list, and reads as its number");
        assertEquals(List.of("model.width=60"), derive("{model.width: '40 * scale'}"), "an unset key is an integer");
    }

    @Test
    void anUnknownOrNonNumericNameIsRefusedNamingTheKeyAndTheExpression() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> derive("{model.width: '2 * data.dimm'}"));
        assertTrue(unknown.getMessage().startsWith("derived.model.width: ") && unknown.getMessage().contains("data.dimm")
                && unknown.getMessage().contains("'2 * data.dimm'") && unknown.getMessage().contains("not set"),
                unknown.getMessage());
        ConfigException mapping = assertThrows(ConfigException.class, () -> derive("{model.width: 'data'}"));
        assertTrue(mapping.getMessage().contains("not a number"), mapping.getMessage());
        assertThrows(ConfigException.class, () -> derive("[1, 2]"));
        assertThrows(ConfigException.class, () -> derive("{model.width: [1]}"));
    }
}
