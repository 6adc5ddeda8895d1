package org.mtrl.core.sweep;

/**
 * Decides when a sweep rewrites its tables: after a cell, unless rewriting would spend more than
 * 1/{@value #RATIO} of the time since the last rewrite. Small grids are rewritten after every cell;
 * a grid of thousands of quick cells, whose tables take longer to write than its cells to run, is
 * not rewritten in time growing with the square of its size. The sweep writes them once more at the
 * end, and a resumed sweep rebuilds them from the cell folders, so nothing is lost in between.
 */
final class WriteThrottle {
    static final int RATIO = 10;

    private long lastEnd = Long.MIN_VALUE;
    private long lastCost;

    /** Whether a rewrite starting at {@code now} (nanoseconds) keeps within the ratio. */
    boolean due(long now) {
        return lastEnd == Long.MIN_VALUE || now - lastEnd >= RATIO * lastCost;
    }

    /** Records a rewrite that ran from {@code start} to {@code end} (nanoseconds). */
    void wrote(long start, long end) {
        lastCost = end - start;
        lastEnd = end;
    }
}
