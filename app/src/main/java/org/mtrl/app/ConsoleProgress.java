package org.mtrl.app;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.mtrl.api.runtime.ProgressListener;

/** Progress lines on the terminal; silent when output is not a terminal, so logs stay readable. */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final long start = System.nanoTime();

    private ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    /** A listener printing to stderr if it is interactive and not {@code quiet}. */
    static ProgressListener create(boolean quiet) {
        return quiet || System.console() == null ? ProgressListener.NONE : new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void phaseStarted(String phase) {
        out.printf("[%6.1fs] %s%n", elapsed(), phase);
    }

    @Override
    public synchronized void roundFinished(int round, int rounds, Map<String, Double> stats) {
        String values = stats.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.format("%.4g", e.getValue()))
                .collect(Collectors.joining(" "));
        out.printf("[%6.1fs]   round %d/%d %s%n", elapsed(), round, rounds, values);
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
