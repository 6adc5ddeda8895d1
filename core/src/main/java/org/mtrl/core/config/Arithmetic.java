package org.mtrl.core.config;

import java.util.function.ToDoubleFunction;

/**
 * The small, safe arithmetic of derived values ({@code 20 * data.dim}, {@code (data.rank + 1) * 50}):
 * numbers, dotted names, {@code + - * /}, unary minus and parentheses, with the usual precedence.
 * Nothing else is evaluated. A name may hold {@code -} ({@code probes.downstream-linear.samples}), so a
 * subtraction between two names needs spaces around the minus.
 */
public final class Arithmetic {
    private final String text;
    private final String key;
    private final ToDoubleFunction<String> names;
    private int at;

    private Arithmetic(String text, String key, ToDoubleFunction<String> names) {
        this.text = text;
        this.key = key;
        this.names = names;
    }

    /**
     * The value of {@code expression}, the names read through {@code names} (which throws a
     * {@link ConfigException} for a name it does not know).
     *
     * @param key the configuration key the expression sets, named in errors
     * @throws ConfigException naming {@code key} and the expression if it is malformed, divides by zero
     *                         or uses an unknown name
     */
    public static double evaluate(String expression, String key, ToDoubleFunction<String> names) {
        Arithmetic parser = new Arithmetic(expression, key, names);
        double value = parser.sum();
        parser.skipSpaces();
        if (parser.at < expression.length()) {
            throw parser.error("unexpected '" + expression.charAt(parser.at) + "' at position " + (parser.at + 1));
        }
        if (!Double.isFinite(value)) {
            throw parser.error("the result is not a finite number");
        }
        return value;
    }

    private double sum() {
        double value = product();
        while (true) {
            skipSpaces();
            if (take('+')) {
                value += product();
            } else if (take('-')) {
                value -= product();
            } else {
                return value;
            }
        }
    }

    private double product() {
        double value = factor();
        while (true) {
            skipSpaces();
            if (take('*')) {
                value *= factor();
            } else if (take('/')) {
                double divisor = factor();
                if (divisor == 0) {
                    throw error("division by zero");
                }
                value /= divisor;
            } else {
                return value;
            }
        }
    }

    private double factor() {
        skipSpaces();
        if (take('-')) {
            return -factor();
        }
        if (take('(')) {
            double value = sum();
            skipSpaces();
            if (!take(')')) {
                throw error("a '(' is not closed");
            }
            return value;
        }
        int start = at;
        if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || "eE.".indexOf(text.charAt(at)) >= 0
                    || (at > start && "+-".indexOf(text.charAt(at)) >= 0 && "eE".indexOf(text.charAt(at - 1)) >= 0))) {
                at++;
            }
            try {
                return Double.parseDouble(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("'" + text.substring(start, at) + "' is not a number");
            }
        }
        if (at < text.length() && Character.isLetter(text.charAt(at))) {
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "._-".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            return names.applyAsDouble(text.substring(start, at));
        }
        throw error(at < text.length() ? "unexpected '" + text.charAt(at) + "' at position " + (at + 1)
                : "it ends where a number or a name is expected");
    }

    private boolean take(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private ConfigException error(String problem) {
        return new ConfigException(key, "the expression '" + Messages.text(text) + "': " + problem
                + "; allowed: numbers, dotted keys, + - * / and parentheses");
    }
}
