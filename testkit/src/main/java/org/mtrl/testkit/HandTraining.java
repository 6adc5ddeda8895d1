package org.mtrl.testkit;

import java.util.EnumSet;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;

/**
 * Training computed by hand, the reference an optimizer test compares against: on copies of a model's
 * W, b and heads, plain loops over the very samples training draws on a {@link KitProblem}
 * ({@link KitProblem#trainingSamples}), mean-loss gradients sample by sample (the paper's network as
 * {@link ReferenceModel} back-propagates it), the task average, and p &lt;- (1 - eta lambda) p - eta g.
 * Nothing here calls a gradient service, an optimizer or the api's update helpers, so a test comparing
 * an optimizer's model with these parameters pins its signs, step sizes, decays and sample accounting:
 *
 * <pre>{@code
 * HandTraining hand = new HandTraining(kit, model);
 * myOptimizer.train(model, kit.trainingContext(model, KitWorkers.fourThreads()));
 * hand.headStep(tasks, 1, 100, 0.5, 0);  // round 1: n1 = 100 samples per task, eta_a = 0.5, lambda_a = 0
 * hand.assertMatches(model);
 * }</pre>
 *
 * The model must be the paper's two-layer ReLU network (a {@link ReferenceModel}, or any model computing
 * the same function), with the loss it names.
 */
public final class HandTraining {
    /** The tolerance of {@link #assertMatches}: the two computations differ only in the order of sums. */
    public static final double TOLERANCE = 1e-12;

    private final KitProblem kit;
    /** The hand-trained parameters; its gradient code reads them live. */
    private final ReferenceModel trained;
    private long samplesDrawn;

    /** Starts from copies of {@code model}'s W, b and heads, with its loss. */
    public HandTraining(KitProblem kit, Model model) {
        this.kit = kit;
        this.trained = new ReferenceModel(model.firstLayer().copy(), model.bias().clone(), model.heads().copy(),
                model.loss());
    }

    /** W, m x d row-major, as trained by hand so far (live: a test may set it, say to a closed form). */
    public double[] firstLayer() {
        return trained.firstLayer().data();
    }

    /** b, m entries, as trained by hand so far (live). */
    public double[] bias() {
        return trained.bias();
    }

    /** The heads, T x m row-major, as trained by hand so far (live). */
    public double[] heads() {
        return trained.heads().data();
    }

    /** How many samples the hand computation has used: what the optimizer should have drawn for the same steps. */
    public long samplesDrawn() {
        return samplesDrawn;
    }

    /** (1/n) sum_s dl/da_t over the n samples of {@code task} for (purpose, round), at the current parameters. */
    public double[] headGradient(int task, String purpose, int round, int n) {
        GradientAccumulator gradient = trained.newAccumulator(EnumSet.of(GradientPart.HEAD));
        gradient.add(task, samples(purpose, round, task, n), 1.0 / n);
        return gradient.head().clone();
    }

    /**
     * (1/|tasks|) sum_t (1/n) sum_s of dl/dW and dl/db over the n samples of each task for (purpose,
     * round), at the current parameters: {W gradient, b gradient}.
     */
    public double[][] representationGradient(int[] tasks, String purpose, int round, int n) {
        GradientAccumulator gradient = trained.newAccumulator(EnumSet.of(GradientPart.FIRST_LAYER, GradientPart.BIAS));
        for (int task : tasks) {
            gradient.add(task, samples(purpose, round, task, n), 1.0 / ((double) n * tasks.length));
        }
        return new double[][] {gradient.firstLayer().clone(), gradient.bias().clone()};
    }

    /** The head step of each task in {@code tasks}, on its own n samples of purpose {@code head}. */
    public void headStep(int[] tasks, int round, int n, double step, double decay) {
        for (int task : tasks) {
            updateHead(task, headGradient(task, "head", round, n), step, decay);
        }
    }

    /** The representation step along the task-averaged gradient on n samples a task of purpose {@code rep} (b too when {@code bias}). */
    public void representationStep(int[] tasks, int round, int n, double step, double decay, boolean bias) {
        applyRepresentation(representationGradient(tasks, "rep", round, n), step, decay, bias);
    }

    /**
     * One round with both gradients taken at the round's starting parameters, then the head steps and the
     * representation step (the order of a joint gradient step).
     */
    public void simultaneousRound(int[] tasks, int round, int headSamples, double headStep, double headDecay,
                                  int repSamples, double repStep, double repDecay, boolean bias) {
        double[][] headGradients = new double[tasks.length][];
        for (int i = 0; i < tasks.length; i++) {
            headGradients[i] = headGradient(tasks[i], "head", round, headSamples);
        }
        double[][] representation = representationGradient(tasks, "rep", round, repSamples);
        for (int i = 0; i < tasks.length; i++) {
            updateHead(tasks[i], headGradients[i], headStep, headDecay);
        }
        applyRepresentation(representation, repStep, repDecay, bias);
    }

    /** Applies a {W, b} gradient: W (and b when {@code bias}) &lt;- (1 - step decay) p - step g. */
    public void applyRepresentation(double[][] gradient, double step, double decay, boolean bias) {
        update(firstLayer(), 0, gradient[0], step, decay);
        if (bias) {
            update(bias(), 0, gradient[1], step, decay);
        }
    }

    private void updateHead(int task, double[] gradient, double step, double decay) {
        update(heads(), task * trained.width(), gradient, step, decay);
    }

    /** p[offset + i] &lt;- (1 - step decay) p[offset + i] - step g[i]. */
    private static void update(double[] p, int offset, double[] g, double step, double decay) {
        for (int i = 0; i < g.length; i++) {
            p[offset + i] = (1 - step * decay) * p[offset + i] - step * g[i];
        }
    }

    private Batch samples(String purpose, int round, int task, int n) {
        samplesDrawn += n;
        return kit.trainingSamples(purpose, round, task, n);
    }

    /**
     * Throws an {@link AssertionError} naming the first entry of W, b or the heads of {@code model} that
     * differs from the hand-trained one by more than {@link #TOLERANCE}.
     */
    public void assertMatches(Model model) {
        assertClose(firstLayer(), model.firstLayer().data(), "W");
        assertClose(bias(), model.bias(), "b");
        assertClose(heads(), model.heads().data(), "heads");
    }

    /** Throws an {@link AssertionError} unless the arrays have one length and agree entry by entry to {@link #TOLERANCE}. */
    public static void assertClose(double[] expected, double[] actual, String what) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + " has " + actual.length + " entries, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= TOLERANCE)) {
                throw new AssertionError(what + "[" + i + "] is " + actual[i] + ", the hand computation gives "
                        + expected[i] + " (tolerance " + TOLERANCE + ")");
            }
        }
    }
}
