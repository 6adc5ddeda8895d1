package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtrl.core.config.TestPlugins.assertConfigError;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void userTextIsEscapedAndShortenedSoThatAMessageStaysOneReadableLine() {
        assertEquals("a\\nb\\tc\\u0001", Messages.text("a\nb\tc\u0001"));
        assertEquals("x".repeat(57) + "...", Messages.text("x".repeat(100)));
        assertEquals("x".repeat(60), Messages.text("x".repeat(60)));
    }

    @Test
    void anUnknownValueIsShownShortenedAndAHugeOneGetsNoSuggestion() {
        String message = Messages.unknown("value", "l".repeat(300_000), List.of("logistic", "hinge"), "allowed");
        assertTrue(message.length() < 200, message);
        assertTrue(message.startsWith("unknown value 'lll") && message.contains("...'; allowed: logistic, hinge"), message);
    }

    @Test
    void aPathHoldingAHugeOrMultiLineKeyIsShortenedAndEscaped() {
        ConfigException e = new ConfigException("model." + "k\n".repeat(10_000), "unknown parameter");
        assertTrue(e.getMessage().length() < 200 && !e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("model.k\\nk\\n") && e.getMessage().endsWith("...: unknown parameter"),
                e.getMessage());
    }

    @Test
    void anOverrideWithLineBreaksAndJunkIsQuotedOnOneLine() {
        assertConfigError(() -> Overrides.apply(JsonNodeFactory.instance.objectNode(), List.of("model.width=\u0001\n[")),
                "override 'model.width=\\u0001\\n['");
    }
}
