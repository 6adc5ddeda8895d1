package org.mtrl.core.record;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The run records of this process that are still {@code running}, so that a signal or a component
 * ending the process leaves each of them saying what happened instead of {@code running} forever.
 * Sweeps register a last step per cell too (a timed cell moves its staging folder into place).
 */
public final class ActiveRuns {
    private static final Set<RunRecord> RECORDS = new LinkedHashSet<>();
    private static final Set<Runnable> AFTERWARDS = new LinkedHashSet<>();

    private ActiveRuns() {
    }

    static synchronized void add(RunRecord record) {
        RECORDS.add(record);
    }

    static synchronized void remove(RunRecord record) {
        RECORDS.remove(record);
    }

    /** Runs {@code action} after the records are ended by {@link #end}, unless {@link #forget} comes first. */
    public static synchronized void afterEnding(Runnable action) {
        AFTERWARDS.add(action);
    }

    public static synchronized void forget(Runnable action) {
        AFTERWARDS.remove(action);
    }

    /**
     * Ends every running record with {@code status} ({@code interrupted} or {@code failed}) and
     * {@code reason}, then runs the registered last steps; a record that cannot be written is skipped
     * (the process is ending). Returns the folders ended.
     */
    public static List<String> end(String status, String reason) {
        List<RunRecord> records;
        List<Runnable> afterwards;
        synchronized (ActiveRuns.class) {
            records = new ArrayList<>(RECORDS);
            afterwards = new ArrayList<>(AFTERWARDS);
            RECORDS.clear();
            AFTERWARDS.clear();
        }
        List<String> folders = new ArrayList<>();
        for (RunRecord record : records) {
            // a folder that is gone was a timed-out cell's staging folder, deleted on purpose
            try {
                if (Files.isDirectory(record.folder()) && record.end(status, reason)) {
                    folders.add(record.folder().toString());
                }
            } catch (UncheckedIOException e) {
                // cannot be written (a full disk?): the process is ending, the others may still be
            }
        }
        for (Runnable action : afterwards) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the process is ending; the next resume clears what this step left
            }
        }
        return folders;
    }
}
