package org.mtrl.core.sampling;

import org.mtrl.api.runtime.Workers;
import org.mtrl.api.linalg.Vectors;

/**
 * Products of wide row-major matrices (rows of length d, d up to 10^5 and more) that stream each
 * operand from memory a few times only: the work walks the columns in blocks of {@link #BLOCK}, so a
 * block of a tile of rows stays in cache while the other operand's rows pass over it. Every output entry
 * is a sum in a fixed order (blocks in increasing column order, each block by {@link Vectors#dot} or one
 * axpy), so results do not depend on the thread count.
 */
final class RowProducts {
    /** Columns per block: 4 KB of a row. */
    static final int BLOCK = 512;
    /** Rows of the first operand per unit of parallel work. */
    static final int TILE = 16;

    private RowProducts() {
    }

    /**
     * {@code out[i * bRows + p] = sum_j a[i * d + j] b[p * d + j]} for i below {@code aRows} and p below
     * {@code bRows}: A B^T, in parallel over tiles of A's rows.
     */
    static double[] timesTransposed(double[] a, int aRows, double[] b, int bRows, int d, Workers workers) {
        double[] out = new double[Math.multiplyExact(aRows, bRows)];
        int tiles = (aRows + TILE - 1) / TILE;
        workers.forEach(tiles, t -> {
            int from = t * TILE;
            int to = Math.min(aRows, from + TILE);
            for (int j = 0; j < d; j += BLOCK) {
                int width = Math.min(BLOCK, d - j);
                for (int p = 0; p < bRows; p++) {
                    for (int i = from; i < to; i++) {
                        out[i * bRows + p] += Vectors.dot(a, i * d + j, b, p * d + j, width);
                    }
                }
            }
        });
        return out;
    }

    /**
     * {@code v[p] -= sum_a c[a * vRows + p] q[a]} for the {@code vRows} rows of v and the first {@code known}
     * rows of q: V -= C^T Q, in parallel over column blocks, each entry's terms in increasing a.
     */
    static void subtractProjections(double[] q, int known, double[] c, double[] v, int vRows, int d,
                                    Workers workers) {
        int blocks = (d + BLOCK - 1) / BLOCK;
        workers.forEach(blocks, block -> {
            int j = block * BLOCK;
            int width = Math.min(BLOCK, d - j);
            for (int a = 0; a < known; a++) {
                for (int p = 0; p < vRows; p++) {
                    Vectors.axpy(-c[a * vRows + p], q, a * d + j, v, p * d + j, width);
                }
            }
        });
    }
}
