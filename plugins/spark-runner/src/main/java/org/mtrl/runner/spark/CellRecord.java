package org.mtrl.runner.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an executor sends back for one cell: the text of every file of its run record (empty when the
 * run could not start) and, when it failed, why. The driver writes the files into the sweep folder, so
 * executors need no shared filesystem.
 *
 * @param files       by name: config.yaml, provenance.json, metrics.json, ...
 * @param error       why the cell failed, or null
 * @param wallSeconds the executor's time for the cell
 */
record CellRecord(String id, TreeMap<String, String> files, String error, double wallSeconds) implements Serializable {

    CellRecord(String id, Map<String, String> files, String error, double wallSeconds) {
        this(id, new TreeMap<>(files), error, wallSeconds);
    }
}
