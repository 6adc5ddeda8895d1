package org.mtrl.core.config;

/**
 * A configuration that cannot run, found before any work starts. The message names the key path, the
 * value, what is allowed and, where one is close, a did-you-mean suggestion.
 */
public final class ConfigException extends RuntimeException {
    private final String path;

    public ConfigException(String path, String problem) {
        super(path == null || path.isEmpty() ? problem : path + ": " + problem);
        this.path = path == null ? "" : path;
    }

    /** The dotted key path the problem is about, e.g. {@code model.width}; empty for the whole file. */
    public String path() {
        return path;
    }
}
