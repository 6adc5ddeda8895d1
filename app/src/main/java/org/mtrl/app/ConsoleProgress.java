package org.mtrl.app;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mtrl.api.runtime.ProgressListener;

/**
 * A run's progress on the terminal: a line per phase and round, and within a phase a live bar of the
 * samples done, their rate and the time left. Silent when stdout or stderr is not a terminal, so logs
 * stay readable.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int REDRAW_MILLIS = 250;
    /** The system property by which the launcher names the terminal when it filters stderr. */
    static final String TERMINAL = "mtrl.terminal";
    private final PrintStream out;
    private final long start = System.nanoTime();
    private String phase = "";
    private ProgressBar bar;
    private BarOutput barOutput;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    /**
     * The progress of one run; closing it ends a bar a failure interrupted, so the error that follows
     * starts on a line of its own.
     */
    record Handle(ProgressListener listener) implements AutoCloseable {
        @Override
        public void close() {
            if (listener instanceof ConsoleProgress console) {
                console.finish();
            }
        }
    }

    /** A listener printing to the terminal if stdout and stderr are terminals and not {@code quiet}. */
    static Handle create(boolean quiet) {
        if (quiet || !interactive()) {
            return new Handle(ProgressListener.NONE);
        }
        String terminal = System.getProperty(TERMINAL);
        if (terminal == null) {
            return new Handle(new ConsoleProgress(System.err));
        }
        try {
            return new Handle(new ConsoleProgress(
                    new PrintStream(new FileOutputStream(terminal), true, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new Handle(new ConsoleProgress(System.err));
        }
    }

    /**
     * Whether stdout and stderr are both a terminal. {@link System#console()} answers for stdin and
     * stdout; for stderr, the launcher's {@value #TERMINAL} (it filters stderr through a pipe and hands
     * over the terminal itself), else where Linux shows it ({@code /proc/self/fd/2}), else assumed.
     */
    static boolean interactive() {
        if (System.console() == null) {
            return false;
        }
        if (System.getProperty(TERMINAL) != null) {
            return true;
        }
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(stderr).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void phaseStarted(String phase) {
        closeBar();
        this.phase = phase;
        out.printf("[%6.1fs] %s%n", elapsed(), phase);
    }

    @Override
    public synchronized void roundFinished(int round, int rounds, Map<String, Double> stats) {
        closeBar();
        String values = stats.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.format("%.4g", e.getValue()))
                .collect(Collectors.joining(" "));
        out.printf("[%6.1fs]   round %d/%d %s%n", elapsed(), round, rounds, values);
    }

    @Override
    public synchronized void workDone(long done, long total, String unit) {
        // a new bar for new work: another total, or the same total started over after a full bar (reports
        // arrive out of order across threads, so a smaller count alone does not mean new work)
        if (bar == null || bar.getMax() != total || bar.getCurrent() >= total && done < total / 2) {
            closeBar();
            barOutput = new BarOutput(out);
            bar = new ProgressBarBuilder()
                    .setTaskName("  " + phase)
                    .setInitialMax(total)
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(REDRAW_MILLIS)
                    .setConsumer(barOutput)
                    .build();
        }
        if (done > bar.getCurrent()) {
            bar.stepTo(done);
        }
    }

    /** Ends the current bar, if any. */
    synchronized void finish() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            // the library skips ending the line when its final redraw is also its first
            barOutput.close();
            bar = null;
        }
    }

    /**
     * The library's console output, closed once and silent after: a periodic redraw already under way
     * when a bar closes would otherwise print the finished bar a second time, below it.
     */
    static final class BarOutput extends ConsoleProgressBarConsumer {
        private boolean closed;

        BarOutput(PrintStream out) {
            super(out);
        }

        @Override
        public synchronized void accept(String rendered) {
            if (!closed) {
                super.accept(rendered);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                super.close();
            }
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
