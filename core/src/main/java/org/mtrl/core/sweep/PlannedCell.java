package org.mtrl.core.sweep;

import org.mtrl.core.config.RunConfig;

/**
 * A cell of a sweep ready to run: its point of the grid, its resolved configuration, and its id (the
 * hash of that configuration, which names its folder).
 */
public record PlannedCell(SweepCell cell, RunConfig config, String id) {
}
