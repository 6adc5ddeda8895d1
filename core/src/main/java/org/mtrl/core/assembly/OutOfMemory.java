package org.mtrl.core.assembly;

import java.util.Locale;

/** The one line that says a run ran out of memory, where, and what to do about it. */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /** E.g. {@code out of memory during pretraining (optimizer/... from plugin ...): ...}. */
    public static String describe(String phase, String component) {
        return "out of memory during " + phase + (component == null ? "" : " (" + component + ")") + ": "
                + advice();
    }

    /** The heap Java may use and how to give it more. */
    public static String advice() {
        return String.format(Locale.ROOT, "Java's heap of %.0f MiB is too small; give it more "
                + "(MTRL_JAVA_OPTS=-Xmx<size>, e.g. -Xmx4g) or choose smaller sizes",
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }
}
