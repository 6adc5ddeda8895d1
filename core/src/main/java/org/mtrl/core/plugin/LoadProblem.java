package org.mtrl.core.plugin;

/**
 * Something that went wrong while discovering plugins: a jar that failed to load, a malformed factory,
 * two factories claiming one name. Reported at start; the other plugins still load.
 *
 * @param origin the jar or class path entry concerned
 */
public record LoadProblem(String origin, String message) {

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
