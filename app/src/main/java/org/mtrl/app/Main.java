package org.mtrl.app;

import org.mtrl.core.assembly.OutOfMemory;

/** Entry point of the {@code mtrl} command line. */
public final class Main {
    private static final String GUICE_BYTECODE = "guice_bytecode_gen_option";

    private Main() {
    }

    public static void main(String[] args) {
        // mtrl intercepts no methods, so Guice needs no generated classes: it then injects by reflection,
        // and start-up is about 0.1 s shorter (measured on `mtrl bench T=2`). A -D option still wins.
        if (System.getProperty(GUICE_BYTECODE) == null) {
            System.setProperty(GUICE_BYTECODE, "DISABLED");
        }
        ProcessGuard.install();
        ProcessGuard.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 a run failed, 2 bad usage or configuration. */
    public static int run(String... args) {
        try {
            return MtrlCommand.commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // outside a run (a run records and reports its own): loading plugins or planning a sweep
            System.err.println("error: " + OutOfMemory.describe("setup", null));
            return ExitCodes.RUN_FAILED;
        }
    }
}
