package org.mtrl.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mtrl.core.record.Provenance;
import org.mtrl.core.record.RunRecord;
import org.mtrl.core.sweep.SweepDefinition;

/**
 * Where a report and its numbers come from, as (field, value) rows: the report's own writing (date,
 * mtrl version, git commit, command, machine) and what the sweep's cells recorded (their versions,
 * commits, machines and time span), so a reader can judge and repeat the numbers.
 */
final class ReportProvenance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportProvenance() {
    }

    static List<List<String>> rows(Path sweep, List<String> command) {
        Provenance now = Provenance.now(Runtime.getRuntime().availableProcessors(), 0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("report written", now.startedAt().truncatedTo(ChronoUnit.SECONDS).toString()));
        rows.add(List.of("command", "mtrl " + String.join(" ", command)));
        rows.add(List.of("mtrl version", now.mtrlVersion()));
        rows.add(List.of("git commit", commit(now.gitCommit(), now.gitDirty())));
        rows.add(List.of("machine", hostName() + ": " + machine(now.os(), now.cpus(), now.javaVendor(),
                now.javaVersion())));
        Map<String, TreeSet<String>> cells = cellFields(sweep);
        rows.add(List.of("cells recorded", Integer.toString(cells.getOrDefault("count", new TreeSet<>()).size())));
        for (String field : List.of("mtrl version", "git commit", "machine", "first start", "last finish")) {
            TreeSet<String> values = cells.get(field);
            if (values != null && !values.isEmpty()) {
                String shown = field.equals("first start") ? values.first()
                        : field.equals("last finish") ? values.last() : String.join("; ", values);
                rows.add(List.of("cells' " + field, shown));
            }
        }
        rows.add(List.of("to run the sweep again", "mtrl sweep " + sweep + " (finished cells are kept)"));
        return rows;
    }

    /** Each provenance field over the cells: its distinct values (sorted). */
    private static Map<String, TreeSet<String>> cellFields(Path sweep) {
        Map<String, TreeSet<String>> fields = new TreeMap<>();
        Path cells = sweep.resolve(SweepDefinition.CELLS);
        if (!Files.isDirectory(cells)) {
            return fields;
        }
        try (Stream<Path> folders = Files.list(cells)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(RunRecord.PROVENANCE);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                JsonNode p = JSON.readTree(file.toFile());
                add(fields, "count", folder.getFileName().toString());
                add(fields, "mtrl version", p.path("mtrlVersion").asText(null));
                add(fields, "git commit", p.path("gitCommit").isTextual()
                        ? commit(p.path("gitCommit").asText(), p.path("gitDirty").isBoolean()
                        ? p.path("gitDirty").asBoolean() : null) : null);
                add(fields, "machine", machine(p.path("os").asText(), p.path("cpus").asInt(),
                        p.path("javaVendor").asText(), p.path("javaVersion").asText()));
                add(fields, "first start", seconds(p.path("startedAt").asText(null)));
                add(fields, "last finish", seconds(p.path("finishedAt").asText(null)));
            }
        } catch (IOException e) {
            add(fields, "machine", "(cell records unreadable: " + e.getMessage() + ")");
        }
        return fields;
    }

    private static void add(Map<String, TreeSet<String>> fields, String field, String value) {
        if (value != null) {
            fields.computeIfAbsent(field, k -> new TreeSet<>()).add(value);
        }
    }

    private static String seconds(String instant) {
        return instant == null ? null : Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String commit(String commit, Boolean dirty) {
        if (commit == null) {
            return "unknown (not run from a git checkout)";
        }
        return commit + (Objects.equals(dirty, Boolean.TRUE) ? " with uncommitted changes" : "");
    }

    private static String machine(String os, int cpus, String javaVendor, String javaVersion) {
        return os + ", " + cpus + " cpus, Java " + javaVersion + " (" + javaVendor + ")";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
