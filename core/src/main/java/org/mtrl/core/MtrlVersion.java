package org.mtrl.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this mtrl build, stamped into core by Maven; it is also the plugin SPI's version. */
public final class MtrlVersion {
    private MtrlVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a Maven build. */
    public static String current() {
        try (InputStream in = MtrlVersion.class.getResourceAsStream("/org/mtrl/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
