package org.mtrl.core.sweep;

import java.nio.file.Path;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.assembly.OutOfMemory;
import org.mtrl.core.assembly.RunEngine;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.runtime.PoolWorkers;

/** Runs one cell into a folder, whichever runner calls it, so every runner computes the same numbers. */
public final class CellRuns {
    private CellRuns() {
    }

    /**
     * Runs {@code config} on {@code threads} threads, recorded in {@code folder}, and returns what the
     * record says; a run that fails is a {@code failed} result (its record says why when the run got far
     * enough to write one), never an exception.
     */
    public static CellResult run(RunConfig config, Path folder, int threads, ProgressListener progress) {
        long start = System.nanoTime();
        try (PoolWorkers workers = new PoolWorkers(threads)) {
            new RunEngine(workers, progress).runIn(config, folder);
        } catch (RuntimeException | LinkageError | AssertionError | VirtualMachineError e) {
            // an Error of one cell (out of memory, a stack overflow) fails that cell, not the sweep
            String message = e instanceof OutOfMemoryError ? OutOfMemory.describe("setup", null)
                    : e instanceof RuntimeException ? String.valueOf(e.getMessage())
                    : "run failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return CellResult.read(folder).orElse(CellResult.failed(message, (System.nanoTime() - start) / 1e9));
        }
        return CellResult.read(folder).orElse(CellResult.failed("the run finished but its record cannot be read",
                (System.nanoTime() - start) / 1e9));
    }
}
