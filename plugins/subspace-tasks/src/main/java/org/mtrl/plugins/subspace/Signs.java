package org.mtrl.plugins.subspace;

/** The sign convention of every task here. */
final class Signs {
    private Signs() {
    }

    /** +1 for v &gt;= 0 (so sign(0) = +1), otherwise -1. */
    static double sign(double v) {
        return v >= 0 ? 1 : -1;
    }
}
