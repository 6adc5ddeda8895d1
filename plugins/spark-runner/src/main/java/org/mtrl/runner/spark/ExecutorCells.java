package org.mtrl.runner.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.plugin.PluginRegistry;
import org.mtrl.core.sweep.CellResult;
import org.mtrl.core.sweep.CellRuns;
import org.mtrl.core.sweep.SweepEngine;

/**
 * The executor's side: runs a cell from its configuration JSON into a scratch folder and returns the
 * record's files. A run that fails, or a configuration this executor resolves differently, is a
 * {@code failed} record, returned normally so that Spark does not retry it; only a lost executor (or an
 * {@link Error}) fails the task, and Spark retries that elsewhere.
 */
final class ExecutorCells {
    /** One resolver per plugins folder per executor JVM: plugin discovery is done once, not per cell. */
    private static final Map<String, ConfigResolver> RESOLVERS = new ConcurrentHashMap<>();

    private ExecutorCells() {
    }

    static CellRecord run(CellTask task, int threads) {
        long start = System.nanoTime();
        try {
            RunConfig config = resolver(task.pluginsDir())
                    .resolve(ConfigTrees.parse(task.configJson(), "the configuration of cell " + task.id()));
            String id = SweepEngine.id(config);
            if (!id.equals(task.id())) {
                return new CellRecord(task.id(), Map.of(), "the executor resolved the cell's configuration to "
                        + id + ", not " + task.id() + ": its plugins differ from the driver's", seconds(start));
            }
            Path scratch = Files.createTempDirectory("mtrl-cell-");
            try {
                Path folder = scratch.resolve(id);
                CellResult result = CellRuns.run(config, folder, threads, ProgressListener.NONE);
                return new CellRecord(id, files(folder), result.ok() ? null : result.error(), result.wallSeconds());
            } finally {
                delete(scratch);
            }
        } catch (IOException e) {
            return new CellRecord(task.id(), Map.of(), "cannot use the executor's scratch folder: " + e.getMessage(),
                    seconds(start));
        } catch (RuntimeException e) {
            return new CellRecord(task.id(), Map.of(), String.valueOf(e.getMessage()), seconds(start));
        }
    }

    private static ConfigResolver resolver(String pluginsDir) {
        return RESOLVERS.computeIfAbsent(pluginsDir == null ? "" : pluginsDir, dir -> new ConfigResolver(
                PluginRegistry.discover(Thread.currentThread().getContextClassLoader(),
                        dir.isEmpty() ? null : Path.of(dir), false)));
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the scratch folder " + folder, e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
