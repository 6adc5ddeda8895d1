package org.mtrl.api.linalg;

import java.util.Arrays;

/**
 * A dense matrix of doubles stored row-major in one flat array, the layout every hot loop in mtrl
 * works on. The array is exposed on purpose: kernels index it directly, without accessor overhead.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** Wraps {@code data} (not copied) as a {@code rows x cols} matrix. */
    public Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + " x " + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException(
                    "matrix " + rows + " x " + cols + " needs " + (long) rows * cols + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A new zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array: element (i, j) is at {@code i * cols() + j}. */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public void set(int i, int j, double value) {
        data[i * cols + j] = value;
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** A deep copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** The Frobenius norm. */
    public double frobeniusNorm() {
        double sum = 0;
        for (double v : data) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
