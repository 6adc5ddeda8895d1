package org.mtrl.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenFilesGetTheModeOfAnyNewFileSoTheUmaskDecidesWhoReads() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(plain);
        assumeTrue(umaskMode.contains(PosixFilePermission.OTHERS_READ),
                "needs a umask that lets others read (022 or 002) to tell it from a private 0600 file");

        AtomicFiles.write(dir.resolve("metrics.json"), "{}");
        AtomicFiles.write(dir.resolve("figure.png"), new byte[] {1, 2, 3});
        AtomicFiles.write(dir.resolve("metrics.json"), "{\"again\": true}");

        for (String name : new String[] {"metrics.json", "figure.png"}) {
            assertEquals(PosixFilePermissions.toString(umaskMode),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))), name);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("figure.png")));
        assertEquals("{\"again\": true}", Files.readString(dir.resolve("metrics.json")));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left behind");
        }
    }
}
