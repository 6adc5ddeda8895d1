package org.mtrl.core.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the folders a user names ({@code --output}), with a reason a person can act on when it fails,
 * and leaving no folder behind then. Components are created one at a time, as the operating system
 * resolves them: {@code missing/../x} is refused rather than creating {@code missing} on the way.
 */
public final class Folders {
    private Folders() {
    }

    /**
     * Creates {@code dir} and its missing parents.
     *
     * @throws IOException whose {@link #reason} says what is wrong; nothing it created is left
     */
    public static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path absolute = dir.toAbsolutePath();
        Path prefix = absolute.getRoot();
        List<Path> created = new ArrayList<>();
        try {
            Path missing = null;
            for (Path name : absolute.subpath(0, absolute.getNameCount())) {
                if (missing != null && name.toString().equals("..")) {
                    throw new NoSuchFileException(missing.toString(), null, "does not exist, so '..' after it "
                            + "leads nowhere");
                }
                prefix = prefix.resolve(name);
                if (Files.isDirectory(prefix)) {
                    continue;
                }
                missing = missing == null ? prefix : missing;
                Files.createDirectory(prefix);
                created.add(prefix);
            }
        } catch (IOException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException ignored) {
                    // the creation already failed; that is the error worth reporting
                }
            }
            throw e;
        }
    }

    /** What went wrong, in words, naming the file when the exception does. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : fs.getFile() + " ";
            if (fs.getReason() != null) {
                return file + fs.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return file + "does not exist";
            }
            if (e instanceof FileAlreadyExistsException) {
                return file + "is in the way (a file, not a folder)";
            }
            if (e instanceof AccessDeniedException) {
                return file + "permission denied";
            }
        }
        return String.valueOf(e.getMessage());
    }
}
