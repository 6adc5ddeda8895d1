package org.mtrl.api.probe;

import java.util.List;

/**
 * Measures what a trained model learned. The framework prefixes each metric name with the probe's
 * name in the configuration, e.g. {@code subspace-distance.max}. A probe must not modify the model.
 */
public interface Probe {

    List<Metric> measure(ProbeContext context);
}
