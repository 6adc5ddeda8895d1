package org.mtrl.core.config;

/**
 * A configuration that cannot run, found before any work starts. The message names the key path, the
 * value, what is allowed and, where one is close, a did-you-mean suggestion.
 */
public final class ConfigException extends RuntimeException {
    private static final int MAX_PATH_SHOWN = 120;

    private final String path;

    /** A long or odd path (it may hold a key the user typed) is shortened and escaped in the message. */
    public ConfigException(String path, String problem) {
        super(path == null || path.isEmpty() ? problem : Messages.text(path, MAX_PATH_SHOWN) + ": " + problem);
        this.path = path == null ? "" : path;
    }

    /** The dotted key path the problem is about, e.g. {@code model.width}; empty for the whole file. */
    public String path() {
        return path;
    }
}
