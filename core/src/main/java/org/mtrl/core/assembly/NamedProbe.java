package org.mtrl.core.assembly;

import org.mtrl.api.probe.Probe;

/**
 * A probe with its name in the configuration, which prefixes its metrics.
 *
 * @param origin the probe as messages name it: kind, type, plugin and jar
 */
public record NamedProbe(String name, Probe probe, String origin) {
}
