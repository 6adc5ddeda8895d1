package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/** Wording shared by configuration errors, so that every message reads the same way. */
public final class Messages {
    private static final int MAX_SHOWN = 60;
    /** A name a user meant to type is shorter than this; longer input gets no suggestion. */
    private static final int MAX_SUGGESTED = 100;

    private Messages() {
    }

    /**
     * Text the user gave (a key, a value, an argument) as it may appear in a one-line message: line
     * breaks and other control characters escaped, shortened to {@value #MAX_SHOWN} characters.
     */
    public static String text(String value) {
        return text(value, MAX_SHOWN);
    }

    /** {@link #text(String)} shortened to at most {@code max} characters. */
    public static String text(String value, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() <= max; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
            }
        }
        return out.length() <= max ? out.toString() : out.substring(0, max - 3) + "...";
    }

    /**
     * {@code unknown <what> '<value>'; <label>: a, b, c; did you mean 'b'?}, the suggestion only when
     * one is close.
     */
    static String unknown(String what, String value, Collection<String> choices, String label) {
        String message = "unknown " + what + " '" + text(value) + "'; " + label + ": " + list(choices);
        if (value.length() > MAX_SUGGESTED) {
            return message;
        }
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
