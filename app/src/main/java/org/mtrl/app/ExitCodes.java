package org.mtrl.app;

/** What the process's exit code says. */
final class ExitCodes {
    static final int OK = 0;
    static final int RUN_FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
