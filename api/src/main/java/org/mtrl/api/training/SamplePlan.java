package org.mtrl.api.training;

/**
 * Which samples a gradient is computed on: {@code n} samples of each task, drawn in chunks from the
 * streams {@code (purpose, round, task, chunk)}. Keying by chunk makes the samples independent of how
 * work is split across threads; {@code round} fixed at 0 re-draws the same training set every round
 * (the {@code fixed} sampling scheme) without storing it.
 *
 * @param purpose names the stream family, e.g. {@code head} or {@code rep}
 * @param round   the round whose samples these are (0 for a fixed training set)
 * @param samples n, samples per task
 */
public record SamplePlan(String purpose, int round, int samples) {

    /** Samples drawn and consumed at once; fixed so that results do not depend on the machine. */
    public static final int CHUNK = 512;

    public SamplePlan {
        if (samples < 1) {
            throw new IllegalArgumentException("samples per task must be >= 1, got " + samples);
        }
    }

    /** Computed in long: {@code samples + CHUNK - 1} overflows an int near {@code Integer.MAX_VALUE}. */
    public int chunks() {
        return (int) (((long) samples + CHUNK - 1) / CHUNK);
    }

    /** The number of samples in chunk {@code c}. */
    public int chunkSize(int c) {
        return Math.min(CHUNK, samples - c * CHUNK);
    }
}
