package org.mtrl.app;

import picocli.CommandLine;

/** Entry point of the {@code mtrl} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 a run failed, 2 bad usage or configuration. */
    public static int run(String... args) {
        return MtrlCommand.commandLine().execute(args);
    }
}
