package org.mtrl.api.plugin;

import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;

/**
 * Shared services handed to a factory when it creates a component.
 *
 * @param streams random streams private to this component (scoped by its slot)
 * @param workers the run's worker threads
 */
public record ComponentContext(RandomStreams streams, Workers workers) {
}
