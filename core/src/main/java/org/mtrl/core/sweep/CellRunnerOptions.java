package org.mtrl.core.sweep;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the command line tells a runner.
 *
 * @param threads    cores of this machine to use (the local runner's parallelism)
 * @param master     the cluster to run on ({@code --master}), or null; a runner without clusters rejects it
 * @param pluginsDir  the folder of extra plugin jars in use, or null; a distributing runner ships them
 * @param cellTimeout the longest a cell may run ({@code --cell-timeout}), or null for no limit
 */
public record CellRunnerOptions(int threads, String master, Path pluginsDir, Duration cellTimeout) {

    /** Options without a cell time limit. */
    public CellRunnerOptions(int threads, String master, Path pluginsDir) {
        this(threads, master, pluginsDir, null);
    }
}
