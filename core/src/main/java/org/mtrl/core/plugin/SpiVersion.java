package org.mtrl.core.plugin;

import org.mtrl.core.MtrlVersion;

/**
 * The plugin SPI's version is the api artifact's version. A plugin jar declares the one it was built
 * against in its manifest ({@value #MANIFEST_ATTRIBUTE}); a different major version is refused.
 */
public final class SpiVersion {
    /** The manifest attribute of a plugin jar naming the api version it was compiled against. */
    public static final String MANIFEST_ATTRIBUTE = "Mtrl-Spi-Version";

    private SpiVersion() {
    }

    /** The SPI version this mtrl provides. */
    public static String current() {
        return MtrlVersion.current();
    }

    /**
     * Why a plugin built against {@code declared} cannot load into an mtrl providing {@code provided},
     * or {@code null} when the major versions match (or either is unknown).
     */
    static String incompatibility(String declared, String provided) {
        Integer a = major(declared);
        Integer b = major(provided);
        if (a == null || b == null || a.equals(b)) {
            return null;
        }
        return "built against SPI " + declared + " but this mtrl provides SPI " + provided
                + " (the major versions must match); rebuild the plugin against mtrl-api " + provided;
    }

    private static Integer major(String version) {
        if (version == null) {
            return null;
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(version.substring(0, end));
    }
}
