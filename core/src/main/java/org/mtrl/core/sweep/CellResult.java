package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mtrl.core.record.RunRecord;

/**
 * What a sweep knows of one cell's run.
 *
 * @param status      {@code ok} or {@code failed}
 * @param metrics     by name, in the run's order; empty when failed
 * @param wallSeconds from start to end of the run
 * @param error       why it failed, or null
 */
public record CellResult(String status, Map<String, Double> metrics, double wallSeconds, String error) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    public CellResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** A failure known without a readable record (the run could not start). */
    public static CellResult failed(String error, double wallSeconds) {
        return new CellResult(FAILED, Map.of(), wallSeconds, error);
    }

    /**
     * The record in {@code folder} if it is complete and readable: status {@code ok} or {@code failed}
     * with an end time, and for {@code ok} a readable {@code metrics.json} of finite numbers. Anything
     * else (no folder, a run that was killed, a truncated or corrupt file) is empty: such a cell is run
     * again, never read as data.
     */
    public static Optional<CellResult> read(Path folder) {
        try {
            if (!Files.isRegularFile(folder.resolve(RunRecord.CONFIG))) {
                return Optional.empty();
            }
            JsonNode provenance = JSON.readTree(folder.resolve(RunRecord.PROVENANCE).toFile());
            String status = provenance.path("status").asText("");
            JsonNode started = provenance.get("startedAt");
            JsonNode finished = provenance.get("finishedAt");
            if (!(OK.equals(status) || FAILED.equals(status)) || started == null || finished == null
                    || !finished.isTextual()) {
                return Optional.empty();
            }
            double wall = Duration.between(Instant.parse(started.asText()), Instant.parse(finished.asText()))
                    .toNanos() / 1e9;
            if (FAILED.equals(status)) {
                return Optional.of(new CellResult(FAILED, Map.of(), wall, provenance.path("error").asText("")));
            }
            JsonNode metrics = JSON.readTree(folder.resolve(RunRecord.METRICS).toFile()).get("metrics");
            if (metrics == null || !metrics.isObject()) {
                return Optional.empty();
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : metrics.properties()) {
                if (!entry.getValue().isNumber() || !Double.isFinite(entry.getValue().doubleValue())) {
                    return Optional.empty();
                }
                values.put(entry.getKey(), entry.getValue().doubleValue());
            }
            return Optional.of(new CellResult(OK, values, wall, null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
