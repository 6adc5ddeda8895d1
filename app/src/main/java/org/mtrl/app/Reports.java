package org.mtrl.app;

import java.io.PrintWriter;
import org.mtrl.core.plugin.LoadProblem;
import org.mtrl.core.plugin.PluginRegistry;

/** Shared console output. */
final class Reports {
    private Reports() {
    }

    /** Plugin load problems, one line each, so a broken jar is seen at start. */
    static void printLoadProblems(PluginRegistry registry, PrintWriter err) {
        for (LoadProblem problem : registry.problems()) {
            err.println("plugin problem: " + problem);
        }
    }
}
