package org.mtrl.runner.spark;

import java.io.Serializable;

/**
 * What an executor needs to run one cell: the cell's resolved configuration as JSON text and its id
 * (the hash of that configuration), so the executor rebuilds exactly the configuration the driver planned.
 *
 * @param index      the cell's position among the cells to run (its partition)
 * @param pluginsDir a plugins folder the executor can read (local masters), or null: plugin jars are then on its class path
 */
record CellTask(int index, String id, String configJson, String pluginsDir) implements Serializable {
}
