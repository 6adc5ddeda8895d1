package org.mtrl.app;

/**
 * What the process's exit code says. A signal (SIGINT, SIGTERM, SIGHUP) ends the process with 128 +
 * its number, 130, 143 or 129, as shells report them ({@link ProcessGuard}).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int RUN_FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
