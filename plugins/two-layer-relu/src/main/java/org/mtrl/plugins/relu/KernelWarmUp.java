package org.mtrl.plugins.relu;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.LogisticLoss;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.runtime.RandomStream;

/**
 * Gets the gradient code compiled before the first gradient needs it. The JIT compiles a method only
 * after it has run a while in the interpreter, where the Vector API is two orders of magnitude slower:
 * a cold JVM spends 150-200 ms of one core on its first 512-sample chunk, then about 1 ms per chunk.
 * Started once per JVM, when the plugin is loaded, on a daemon thread, the warm-up overlaps the
 * single-threaded work of loading plugins and configuring and assembling a run (measured in
 * {@code docs/performance.md}). It sums gradients of a small synthetic model on Gaussian batches, so
 * the per-sample loops and both kernel products are compiled, with the loop trip counts of real chunks
 * (a JIT fed tiny loops compiles code that stays slower). Its Gaussians come from its own
 * {@link WarmUpStream}: it shares no state with any run, so it cannot change a result.
 *
 * <p>The JIT compiles for the paths its profile has seen and leaves a trap in the others: the first
 * run to take one throws the compiled code away, and the Vector API runs a hundred times slower until
 * it is compiled again (about 0.1-0.2 s, measured at the start of the paper workload's representation
 * step). So the warm-up takes every path from its first pass on: passes alternate between a head-step
 * accumulator (head gradient only) and a representation-step one (first layer and bias), and both
 * sizes are 8k + 1, so the last tile of 8 rows of both products overlaps the one before by 7 rows and
 * every row's store is seen both taken and skipped.
 */
final class KernelWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** 15 x 8 + 1: near a block of the accumulator; the forward product's last tile overlaps by 7 rows. */
    private static final int SAMPLES = 121;
    /** 7 x 8 + 1: the backward product's last tile of 8 inputs overlaps the one before by 7 rows. */
    private static final int INPUTS = 57;
    /** Not a multiple of the unit panel: the last panel's padding is written, as for most widths. */
    private static final int UNITS = 184;
    /**
     * Passes until the JIT has compiled both products (OSR first, then the methods) on JDK 17, and the
     * accumulator's profiled code has run both kinds of pass: with 40, it was sometimes installed only
     * after the last representation pass, and its compiled code was thrown away at the start of the
     * representation step (-XX:+PrintCompilation, 1 run in 2; with 80, none in 5).
     */
    private static final int PASSES = 80;

    private KernelWarmUp() {
    }

    /** Starts the warm-up unless one was started already in this JVM. */
    static void startOnce() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(KernelWarmUp::warmSelected, "mtrl-kernel-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void warmSelected() {
        ChunkKernels kernels;
        try {
            // an instance of the selected class, without initialising KernelChoice on this thread
            kernels = KernelChoice.choose(System.getProperty(KernelChoice.PROPERTY, "auto"));
        } catch (IllegalStateException e) {
            return; // a bad choice: the run reports it when it builds its first accumulator
        }
        run(kernels, PASSES);
    }

    /**
     * {@code passes} gradient sums over fresh batches, on {@code kernels}, alternating between a
     * head-step and a representation-step accumulator (the first pass is a representation step);
     * returns the latter's first-layer gradient, so a test can check the passes computed a real one.
     */
    static double[] run(ChunkKernels kernels, int passes) {
        RandomStream rng = new WarmUpStream(0);
        Matrix firstLayer = Matrix.zeros(UNITS, INPUTS);
        rng.nextGaussians(firstLayer.data(), 0, UNITS * INPUTS);
        Matrix heads = Matrix.zeros(1, UNITS);
        rng.nextGaussians(heads.data(), 0, UNITS);
        TwoLayerReluModel model = new TwoLayerReluModel(firstLayer, new double[UNITS], heads, new LogisticLoss());
        TwoLayerReluAccumulator representation = new TwoLayerReluAccumulator(model,
                EnumSet.of(GradientPart.FIRST_LAYER, GradientPart.BIAS), kernels);
        TwoLayerReluAccumulator head = new TwoLayerReluAccumulator(model, EnumSet.of(GradientPart.HEAD), kernels);
        Batch batch = new Batch(INPUTS, 1, SAMPLES);
        batch.setSize(SAMPLES);
        for (int pass = 0; pass < passes; pass++) {
            rng.nextGaussians(batch.x(), 0, SAMPLES * INPUTS);
            for (int s = 0; s < SAMPLES; s++) {
                batch.y()[s] = batch.x()[s * INPUTS] >= 0 ? 1 : -1;
            }
            (pass % 2 == 0 ? representation : head).add(0, batch, 1.0 / SAMPLES);
        }
        return representation.firstLayer();
    }
}
