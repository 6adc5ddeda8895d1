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

    /**
     * A component at {@code path} that cannot be built in this JVM: its sizes overflow an array index
     * or exceed the heap. Only a single huge allocation fails this way, so the JVM goes on normally.
     */
    public static ConfigException tooLarge(String path, Throwable cause) {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        String why = cause instanceof OutOfMemoryError ? "the heap ran out" : "a size overflows an array index";
        return new ConfigException(path, "too large to build (" + why + "; the JVM may use at most "
                + heapMiB + " MiB): lower the sizes, or give Java more memory, e.g. MTRL_JAVA_OPTS=-Xmx8g");
    }
}
