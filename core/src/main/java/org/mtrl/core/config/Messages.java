package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/** Wording shared by configuration errors, so that every message reads the same way. */
final class Messages {
    private static final int MAX_SHOWN = 60;

    private Messages() {
    }

    /**
     * {@code unknown <what> '<value>'; <label>: a, b, c; did you mean 'b'?}, the suggestion only when
     * one is close.
     */
    static String unknown(String what, String value, Collection<String> choices, String label) {
        String message = "unknown " + what + " '" + value + "'; " + label + ": " + list(choices);
        return message + DidYouMean.suggest(value, choices).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** The choices joined by ", ", or {@code (none)}. */
    static String list(Collection<String> choices) {
        return choices.isEmpty() ? "(none)" : String.join(", ", choices);
    }

    /**
     * A value as the user would recognise it: JSON text (strings quoted), YAML's {@code .nan} and
     * {@code .inf} for non-finite numbers, shortened if long.
     */
    static String show(JsonNode value) {
        String text = value == null ? "nothing" : value.toString();
        if (value != null && value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            double v = value.doubleValue();
            text = Double.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
        }
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }
}
