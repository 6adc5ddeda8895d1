package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    private static final Map<String, Double> KEYS = Map.of("data.dim", 40.0, "data.rank", 3.0,
            "probes.downstream-linear.samples", 100.0, "scale", 2.0);
    private static final ToDoubleFunction<String> NAMES = name -> {
        Double value = KEYS.get(name);
        if (value == null) {
            throw new ConfigException("derived.x", "unknown name " + name);
        }
        return value;
    };

    private static double eval(String expression) {
        return Arithmetic.evaluate(expression, "derived.x", NAMES);
    }

    @Test
    void precedenceParenthesesUnaryMinusAndNamesAsExpected() {
        assertEquals(800, eval("20 * data.dim"));
        assertEquals(23, eval("3 + 20 * 1"));
        assertEquals(80, eval("(data.rank + 1) * 20"));
        assertEquals(-37, eval("-data.dim + data.rank"));
        assertEquals(4, eval("2 - -2"));
        assertEquals(2.5, eval("10 / 4"));
        assertEquals(1, eval("8 / 4 / 2"), "left to right");
        assertEquals(7, eval("10 - 2 - 1"), "left to right");
        assertEquals(200, eval("probes.downstream-linear.samples * scale"), "a name may hold '-'");
        assertEquals(1500, eval("1.5e3"));
        assertEquals(12, eval(" ( ( 3 ) ) * 4 "));
    }

    @Test
    void malformedExpressionsAreRefusedNamingTheKeyAndTheExpression() {
        for (String bad : new String[] {"", "20 *", "(1 + 2", "1 + 2)", "2 ^ 3", "data.dim / 0", "1e999 * 10",
            "abc", "3 data.dim"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> eval(bad), bad);
            assertTrue(e.getMessage().startsWith("derived.x: "), e.getMessage());
            if (!bad.equals("abc")) {
                assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            }
        }
        assertTrue(assertThrows(ConfigException.class, () -> eval("data.dim / (data.rank - 3)")).getMessage()
                .contains("division by zero"));
    }
}
