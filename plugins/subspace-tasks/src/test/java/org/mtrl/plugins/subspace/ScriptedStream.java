package org.mtrl.plugins.subspace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.mtrl.api.runtime.RandomStream;

/**
 * A {@link RandomStream} that returns given numbers in order and records the bounds it was asked for,
 * so that a test knows exactly which draws a component made. Asking for a kind of draw it was not
 * given fails the test.
 */
final class ScriptedStream implements RandomStream {
    private final Deque<Integer> ints = new ArrayDeque<>();
    private final Deque<Double> doubles = new ArrayDeque<>();
    private final List<Integer> bounds = new ArrayList<>();

    ScriptedStream ints(int... values) {
        for (int v : values) {
            ints.add(v);
        }
        return this;
    }

    ScriptedStream doubles(double... values) {
        for (double v : values) {
            doubles.add(v);
        }
        return this;
    }

    /** The bounds of the {@link #nextInt} calls so far, in order. */
    List<Integer> bounds() {
        return bounds;
    }

    @Override
    public int nextInt(int bound) {
        bounds.add(bound);
        Integer v = ints.poll();
        if (v == null || v >= bound) {
            throw new AssertionError("unscripted nextInt(" + bound + ")");
        }
        return v;
    }

    @Override
    public double nextDouble() {
        Double v = doubles.poll();
        if (v == null) {
            throw new AssertionError("unscripted nextDouble()");
        }
        return v;
    }

    @Override
    public double nextGaussian() {
        throw new AssertionError("unscripted nextGaussian()");
    }

    @Override
    public long nextLong() {
        throw new AssertionError("unscripted nextLong()");
    }
}
