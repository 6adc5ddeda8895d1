package org.mtrl.app.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The mtrl command line in a child JVM of this test's class path: what a kill or a second process needs. */
final class ChildMtrl {
    private ChildMtrl() {
    }

    /** Starts {@code mtrl args} in {@code dir}, its output (both streams) to {@code log}. */
    static Process start(List<String> args, Path dir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), org.mtrl.app.Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(dir.toString())).start();
    }
}
