package org.mtrl.core.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.RunConfig;

/**
 * The folder of one run: {@code config.yaml} (the resolved configuration: {@code mtrl run} on it
 * repeats the run), {@code provenance.json}, {@code metrics.json}, {@code history.jsonl}. The
 * configuration and provenance are written first, so a failed run keeps them; the provenance's final
 * status is written last, so a status {@code ok} means every other file is complete; every file is
 * written atomically.
 */
public final class RunRecord {
    public static final String CONFIG = "config.yaml";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.json";
    public static final String HISTORY = "history.jsonl";
    public static final String LOG = "run.log";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public static final String RUNNING = "running";
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    private final Path folder;
    private final Provenance provenance;
    /** Set once the final status is written: a record ends once (a signal and a late finish cannot both). */
    private boolean ended;

    private RunRecord(Path folder, Provenance provenance) {
        this.folder = folder;
        this.provenance = provenance;
    }

    /**
     * Creates a new run folder under {@code runsDir}, named by the start time and a hash of the
     * configuration, and writes the configuration and provenance.
     */
    public static RunRecord start(Path runsDir, RunConfig config, Provenance provenance) {
        String base = STAMP.format(provenance.startedAt()) + "-"
                + String.format("%08x", ConfigTrees.toJson(config.tree()).hashCode());
        Path folder;
        try {
            Folders.create(runsDir);
            folder = createUnique(runsDir, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + runsDir + ": " + Folders.reason(e), e);
        }
        return begin(folder, config, provenance);
    }

    /**
     * Starts a run in the given folder (a sweep cell's), which must not exist or be empty, and writes
     * the configuration and provenance.
     */
    public static RunRecord startIn(Path folder, RunConfig config, Provenance provenance) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + folder + ": " + e.getMessage(), e);
        }
        return begin(folder, config, provenance);
    }

    private static RunRecord begin(Path folder, RunConfig config, Provenance provenance) {
        RunRecord record = new RunRecord(folder, provenance);
        try {
            AtomicFiles.write(folder.resolve(CONFIG), ConfigTrees.toYaml(config.tree()));
            record.writeProvenance(null, RUNNING, null);
        } catch (UncheckedIOException e) {
            // a folder without its configuration would be a half-written run: leave nothing
            deleteQuietly(folder);
            throw e;
        }
        ActiveRuns.add(record);
        return record;
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // the write already failed: that is the error worth reporting
        }
    }

    private static Path createUnique(Path runsDir, String base) throws IOException {
        for (int i = 1; ; i++) {
            Path candidate = runsDir.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // another run started in the same second with the same configuration: try the next suffix
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * Records a finished run: metrics, history and log, then the status {@code ok}.
     *
     * @throws IllegalStateException if the record was already ended (interrupted meanwhile)
     */
    public void finish(Map<String, Double> metrics, List<RoundStats> history, Map<String, Double> timings,
                       String log) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", metrics);
        out.put("timings", timings);
        AtomicFiles.write(folder.resolve(METRICS), json(JSON, out));
        StringBuilder lines = new StringBuilder();
        for (RoundStats round : history) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("round", round.round());
            line.putAll(round.values());
            lines.append(json(JSON_LINE, line)).append('\n');
        }
        AtomicFiles.write(folder.resolve(HISTORY), lines.toString());
        AtomicFiles.write(folder.resolve(LOG), log);
        if (!end(OK, null)) {
            throw new IllegalStateException("the run in " + folder + " was already ended");
        }
    }

    /** Records a run that failed, keeping its configuration and log and saying why; no-op if already ended. */
    public void fail(String error, String log) {
        if (isEnded()) {
            return;
        }
        AtomicFiles.write(folder.resolve(LOG), log);
        end(FAILED, error);
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    /** Writes the final status once; false if the record had already ended. */
    synchronized boolean end(String status, String error) {
        if (ended) {
            return false;
        }
        ActiveRuns.remove(this);
        writeProvenance(Instant.now(), status, error);
        ended = true;
        return true;
    }

    private void writeProvenance(Instant finishedAt, String status, String error) {
        AtomicFiles.write(folder.resolve(PROVENANCE), json(JSON, provenance.toMap(finishedAt, status, error)));
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value) + (mapper == JSON ? "\n" : "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run record", e);
        }
    }
}
