package org.mtrl.app;

import org.mtrl.core.config.ConfigException;

/** The {@code --threads} option's rule. */
final class Threads {
    private Threads() {
    }

    /** {@code requested}, or every core when absent; must be between 1 and 1024. */
    static int resolve(Integer requested) {
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (requested < 1 || requested > 1024) {
            throw new ConfigException("--threads", "value " + requested + " is out of range; allowed: [1, 1024]");
        }
        return requested;
    }
}
