package org.mtrl.core.record;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mtrl.core.MtrlVersion;

/**
 * Where a run came from: enough to rebuild it (with its configuration) and to judge its numbers.
 */
public record Provenance(String mtrlVersion, String gitCommit, Boolean gitDirty, String javaVersion,
                         String javaVendor, String os, int cpus, int threads, long seed,
                         Instant startedAt, String sampling) {

    /** The provenance of a run starting now in this process. */
    public static Provenance now(int threads, long seed) {
        String[] git = git();
        return new Provenance(MtrlVersion.current(), git[0], git[1] == null ? null : !git[1].isEmpty(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), threads, seed, Instant.now(), null);
    }

    /** The same provenance naming the sampling the run uses (what {@code sampling: auto} chose, and why). */
    public Provenance withSampling(String description) {
        return new Provenance(mtrlVersion, gitCommit, gitDirty, javaVersion, javaVendor, os, cpus, threads, seed,
                startedAt, description);
    }

    /** The fields as a map for the run record, with its end time and outcome. */
    public Map<String, Object> toMap(Instant finishedAt, String status, String error) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mtrlVersion", mtrlVersion);
        map.put("gitCommit", gitCommit);
        map.put("gitDirty", gitDirty);
        map.put("javaVersion", javaVersion);
        map.put("javaVendor", javaVendor);
        map.put("os", os);
        map.put("cpus", cpus);
        map.put("threads", threads);
        map.put("seed", seed);
        map.put("startedAt", startedAt.toString());
        map.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        if (sampling != null) {
            map.put("sampling", sampling);
        }
        map.put("status", status);
        if (error != null) {
            map.put("error", error);
        }
        return map;
    }

    /** {commit, porcelain status} of the working directory's git checkout, or nulls when unknown. */
    private static String[] git() {
        String commit = run("git", "rev-parse", "HEAD");
        String status = commit == null ? null : run("git", "status", "--porcelain", "--untracked-files=no");
        return new String[] {commit, status};
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
