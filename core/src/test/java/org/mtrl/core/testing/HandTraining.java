package org.mtrl.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.mtrl.api.model.Model;

/**
 * The training updates computed by hand, as plain loops over the samples of a {@link TinyProblem} on
 * copies of a model's parameters: mean-loss gradients by {@link PlainRelu}, the task average, and
 * p &lt;- (1 - eta lambda) p - eta g. Nothing here calls the training engine or its updates, so a test
 * comparing the two pins the engine's signs, step sizes, decays and sample accounting.
 */
public final class HandTraining {
    /** The tolerance of every comparison: the two differ only in the order of floating-point sums. */
    public static final double TOLERANCE = 1e-12;

    private final TinyProblem problem;
    private final int m;
    /** W (m x d), b and the heads (T x m), trained by hand. */
    public final double[] w;
    public final double[] b;
    public final double[] heads;

    /** Starts from copies of {@code model}'s parameters. */
    public HandTraining(TinyProblem problem, Model model) {
        this.problem = problem;
        this.m = model.width();
        this.w = model.firstLayer().data().clone();
        this.b = model.bias().clone();
        this.heads = model.heads().data().clone();
    }

    /** (1/n) sum_s dl/da_t over the n samples of {@code task} for (purpose, round), at the current parameters. */
    public double[] headGradient(int task, String purpose, int round, int n) {
        double[] g = new double[m];
        double[][] xy = problem.samples(purpose, round, task, n);
        int d = w.length / m;
        for (int s = 0; s < n; s++) {
            PlainRelu.addGradient(w, b, heads, task * m, xy[0], s * d, xy[1][s], 1.0 / n, g, null, null);
        }
        return g;
    }

    /**
     * (1/|tasks|) sum_t (1/n) sum_s of dl/dW and dl/db over the samples of each task for (purpose, round),
     * at the current parameters: {W gradient, b gradient}.
     */
    public double[][] representationGradient(int[] tasks, String purpose, int round, int n) {
        int d = w.length / m;
        double[] gw = new double[m * d];
        double[] gb = new double[m];
        for (int t : tasks) {
            double[][] xy = problem.samples(purpose, round, t, n);
            for (int s = 0; s < n; s++) {
                PlainRelu.addGradient(w, b, heads, t * m, xy[0], s * d, xy[1][s], 1.0 / ((double) n * tasks.length),
                        null, gw, gb);
            }
        }
        return new double[][] {gw, gb};
    }

    /** The head step of every task in {@code tasks} on its own fresh samples. */
    public void headStep(int[] tasks, int round, int n, double step, double decay) {
        for (int t : tasks) {
            update(heads, t * m, headGradient(t, "head", round, n), step, decay);
        }
    }

    /** The representation step along the task-averaged gradient (the biases too when {@code bias}). */
    public void representationStep(int[] tasks, int round, int n, double step, double decay, boolean bias) {
        applyRepresentation(representationGradient(tasks, "rep", round, n), step, decay, bias);
    }

    /**
     * One round with both gradients taken at the round's starting parameters, then the head steps and
     * the representation step (the joint-gradient order).
     */
    public void simultaneousRound(int[] tasks, int round, int n1, double headStep, double headDecay, int n2,
                                  double repStep, double repDecay, boolean bias) {
        double[][] headGradients = new double[tasks.length][];
        for (int i = 0; i < tasks.length; i++) {
            headGradients[i] = headGradient(tasks[i], "head", round, n1);
        }
        double[][] representation = representationGradient(tasks, "rep", round, n2);
        for (int i = 0; i < tasks.length; i++) {
            update(heads, tasks[i] * m, headGradients[i], headStep, headDecay);
        }
        applyRepresentation(representation, repStep, repDecay, bias);
    }

    /** Applies a {W, b} gradient: W (and b when {@code bias}) &lt;- (1 - step decay) p - step g. */
    public void applyRepresentation(double[][] gradient, double step, double decay, boolean bias) {
        update(w, 0, gradient[0], step, decay);
        if (bias) {
            update(b, 0, gradient[1], step, decay);
        }
    }

    /** p[offset + i] &lt;- (1 - step decay) p[offset + i] - step g[i]. */
    public static void update(double[] p, int offset, double[] g, double step, double decay) {
        for (int i = 0; i < g.length; i++) {
            p[offset + i] = (1 - step * decay) * p[offset + i] - step * g[i];
        }
    }

    /** Asserts that {@code model}'s W, b and heads equal the hand-trained ones to {@link #TOLERANCE}. */
    public void assertMatches(Model model) {
        assertClose(w, model.firstLayer().data(), "W");
        assertClose(b, model.bias(), "b");
        assertClose(heads, model.heads().data(), "heads");
    }

    public static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, what + "[" + i + "]");
        }
    }
}
