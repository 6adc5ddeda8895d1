package org.mtrl.api.data;

/**
 * A reusable buffer of labelled samples: inputs x (n x d), their projections z = M^T x (n x r) and
 * labels y in {-1, +1}. Allocated once per worker and refilled, so training loops do not allocate.
 */
public final class Batch {
    private final int dim;
    private final int rank;
    private final int capacity;
    private final double[] x;
    private final double[] z;
    private final double[] y;
    private int size;

    public Batch(int dim, int rank, int capacity) {
        if (dim < 1 || rank < 1 || capacity < 1) {
            throw new IllegalArgumentException(
                    "batch needs dim, rank and capacity >= 1, got " + dim + ", " + rank + ", " + capacity);
        }
        this.dim = dim;
        this.rank = rank;
        this.capacity = capacity;
        this.x = new double[Math.multiplyExact(capacity, dim)];
        this.z = new double[Math.multiplyExact(capacity, rank)];
        this.y = new double[capacity];
    }

    public int dim() {
        return dim;
    }

    public int rank() {
        return rank;
    }

    public int capacity() {
        return capacity;
    }

    /** Number of valid samples; rows beyond it are stale. */
    public int size() {
        return size;
    }

    public void setSize(int size) {
        if (size < 0 || size > capacity) {
            throw new IllegalArgumentException("batch size must be in [0, " + capacity + "], got " + size);
        }
        this.size = size;
    }

    /** Inputs, row-major, {@code capacity x dim}. */
    public double[] x() {
        return x;
    }

    /** Projections M^T x, row-major, {@code capacity x rank}. */
    public double[] z() {
        return z;
    }

    /** Labels in {-1, +1}. */
    public double[] y() {
        return y;
    }
}
