package org.mtrl.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.mtrl.app.Cli;

/**
 * Runs generated cases through the real command line and checks the outcome every case must have.
 * Each command runs under a hang detector: a case still running after {@link #HANG_SECONDS} fails
 * (a generous bound that only a hang exceeds; it is not a performance assertion).
 */
final class Harness {
    static final long HANG_SECONDS = 60;
    /** An error line longer than this is not a clear message. */
    static final int MAX_ERROR_LINE = 1000;

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "reliability-case");
        thread.setDaemon(true);
        return thread;
    });

    private Harness() {
    }

    /** Runs {@code c} with each of its commands: exit 2, one error line, nothing else; then records it. */
    static void expectBadInput(CliCase c) {
        Path dir = tempDir();
        try {
            for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
                if (file.getKey().endsWith("/")) {
                    Files.createDirectories(dir.resolve(file.getKey()));
                } else {
                    Files.write(dir.resolve(file.getKey()), file.getValue());
                }
            }
            Path output = dir.resolve("runs");
            for (String command : c.commands()) {
                List<String> args = new ArrayList<>();
                if (!command.isEmpty()) {
                    args.add(command);
                }
                if (command.equals("run")) {
                    args.addAll(List.of("--quiet", "--output", output.toString()));
                }
                c.args().forEach(a -> args.add(a.replace(CliCase.DIR, dir.toString())));
                Cli cli = run(args);
                String context = command + ": " + c + "\n" + CliCase.shorten(cli.toString());
                assertEquals(2, cli.exitCode(), context);
                assertEquals("", cli.out(), context);
                List<String> lines = cli.err().lines().toList();
                assertEquals(1, lines.size(), "exactly one line on stderr: " + context);
                String line = lines.get(0);
                assertTrue(line.startsWith("error: "), context);
                assertFalse(cli.err().contains("\tat "), "no stack trace: " + context);
                assertTrue(line.length() <= MAX_ERROR_LINE, "error line of " + line.length() + " chars: " + context);
                assertTrue(c.anyOf().isEmpty() || c.anyOf().stream()
                        .anyMatch(s -> line.contains(s.replace(CliCase.DIR, dir.toString()))), context);
                for (String s : c.allOf()) {
                    assertTrue(line.contains(s.replace(CliCase.DIR, dir.toString())), "missing '" + s + "': " + context);
                }
                assertFalse(Files.exists(output), "no run folder: " + context);
            }
            Ledger.record(c.category(), c.form() + " (" + String.join(", ", c.commands().stream()
                    .map(cmd -> cmd.isEmpty() ? "mtrl" : "mtrl " + cmd).toList()) + "): as expected");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** The command line on a worker thread, failing if it has not finished after {@link #HANG_SECONDS}. */
    static Cli run(List<String> args) {
        Future<Cli> result = RUNNER.submit(() -> Cli.run(args.toArray(String[]::new)));
        try {
            return result.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("hang: still running after " + HANG_SECONDS + " s: " + CliCase.shorten(args.toString()));
        } catch (ExecutionException e) {
            throw new AssertionError("the command line threw instead of returning an exit code", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("mtrl-reliability");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
