package org.mtrl.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.Permission;
import java.util.List;
import org.mtrl.core.record.ActiveRuns;
import org.mtrl.core.record.RunRecord;
import sun.misc.Signal;

/**
 * What makes the exit code and the run records tell the truth whatever plugin code does to the
 * process (see docs/architecture.md, "Process-level truth"):
 * <ul>
 *   <li>only {@link Main} may end the process: {@code System.exit} and {@code Runtime.halt} from
 *       anywhere else throw {@link ComponentExit} in the caller, which the run's contract checks
 *       turn into a failure naming the component (a security manager that checks exits only);</li>
 *   <li>SIGINT, SIGTERM and SIGHUP end every running run as {@code interrupted}, print one line and
 *       exit with 128 + the signal's number: 130, 143 or 129;</li>
 *   <li>where Java refuses a security manager, a shutdown hook still records a run that a component
 *       ended with {@code System.exit} as failed and turns the exit code to 1.</li>
 * </ul>
 */
final class ProcessGuard {
    private static volatile Thread exiting;

    /**
     * A worker thread that runs out of memory is reported by the run it works for, in one line: the
     * JVM's own report (a stack trace) is left out. Anything else a thread leaves uncaught is one line.
     */
    private static final Thread.UncaughtExceptionHandler QUIET_ON_OUT_OF_MEMORY = (thread, e) -> {
        if (!(e instanceof VirtualMachineError)) {
            System.err.println("error: thread " + thread.getName() + " failed: " + e);
        }
    };

    private ProcessGuard() {
    }

    /** Installs the guards; once, by {@link Main#main}, before anything else runs. */
    static void install() {
        boolean vetoes = installExitVeto();
        for (String signal : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(signal), ProcessGuard::interrupted);
            } catch (IllegalArgumentException e) {
                // the signal is ignored by this process (nohup) or reserved by the JVM: leave it so
            }
        }
        Thread.setDefaultUncaughtExceptionHandler(QUIET_ON_OUT_OF_MEMORY);
        // called once now, so that nothing is left to load or link when it is called with no heap left
        QUIET_ON_OUT_OF_MEMORY.uncaughtException(Thread.currentThread(), new OutOfMemoryError());
        if (!vetoes) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessGuard::unexpectedExit, "mtrl-exit-guard"));
        }
    }

    /** Ends the process with {@code code}: the one way out that the guard allows. */
    static void exit(int code) {
        exiting = Thread.currentThread();
        System.err.flush();
        System.out.flush();
        System.exit(code);
    }

    /**
     * The exit veto: a security manager that allows every permission (so it costs nothing elsewhere)
     * and refuses exits not made by {@link #exit}. Java 17 prints a four-line deprecation warning when
     * one is installed, to the standard error it had at startup; that stream is swapped for a silent
     * one meanwhile where java.lang is open to mtrl (the jar's manifest opens it to {@code java -jar}
     * and so to the launcher). A JDK that refuses security managers (18 and later unless
     * started with -Djava.security.manager=allow, which the launcher passes; none from 24) leaves the
     * shutdown hook as the guard.
     */
    @SuppressWarnings("removal")
    private static boolean installExitVeto() {
        Field initialErr = null;
        Object original = null;
        try {
            initialErr = System.class.getDeclaredField("initialErrStream");
            initialErr.setAccessible(true);
            original = initialErr.get(null);
            initialErr.set(null, new PrintStream(OutputStream.nullOutputStream()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            initialErr = null; // not open to mtrl (a class path without --add-opens): the warning shows
        }
        try {
            System.setSecurityManager(new ExitVeto());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        } finally {
            if (initialErr != null) {
                try {
                    initialErr.set(null, original);
                } catch (IllegalAccessException e) {
                    // it was writable a moment ago
                }
            }
        }
    }

    private static void interrupted(Signal signal) {
        int code = 128 + signal.getNumber();
        List<String> ended = ActiveRuns.end(RunRecord.INTERRUPTED, "interrupted by SIG" + signal.getName());
        System.out.flush();
        System.err.println("error: interrupted by SIG" + signal.getName() + (ended.isEmpty() ? ""
                : ended.size() == 1 ? "; recorded as interrupted in " + ended.get(0)
                : "; " + ended.size() + " running cells recorded as interrupted (the same command resumes the sweep)"));
        System.err.flush();
        exiting = Thread.currentThread();
        Runtime.getRuntime().halt(code);
    }

    /** The JVM is ending but not through {@link #exit}: a component called System.exit. */
    private static void unexpectedExit() {
        if (exiting != null) {
            return;
        }
        String reason = "a component ended the process with System.exit";
        List<String> ended = ActiveRuns.end(RunRecord.FAILED, reason);
        System.out.flush();
        System.err.println("error: " + reason + (ended.isEmpty() ? "" : "; recorded as failed in " + String.join(", ", ended)));
        System.err.flush();
        Runtime.getRuntime().halt(ExitCodes.RUN_FAILED);
    }

    /** A component's attempt to end the process, thrown where it made it. */
    static final class ComponentExit extends SecurityException {
        ComponentExit(String message) {
            super(message);
        }
    }

    @SuppressWarnings("removal")
    private static final class ExitVeto extends SecurityManager {
        @Override
        public void checkPermission(Permission permission) {
            // every permission is granted: this manager only guards exits
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            // as above
        }

        @Override
        public void checkExit(int status) {
            if (Thread.currentThread() == exiting) {
                return;
            }
            boolean halt = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                    f -> f.getClassName().equals(Runtime.class.getName()) && f.getMethodName().equals("halt")));
            throw new ComponentExit("tried to end the process with " + (halt ? "Runtime.halt(" : "System.exit(")
                    + status + "), which mtrl does not allow");
        }
    }
}
