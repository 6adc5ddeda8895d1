package org.mtrl.plugins.relu;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One chunk (512 samples) of the gradient at the paper's shape (d = 100, m = 200), single thread:
 * the per-sample matrix-vector products and rank-one updates the accumulator used to run, the blocked
 * forward and backward products that replaced them, and the whole fused chunk step. A chunk's
 * products are 2 n m d = 20.5 MFLOP each, so GFLOP/s = 20.5 / (microseconds per operation) * 1000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelBenchmark {
    private static final int N = 512;

    @Param({"100"})
    int d;

    @Param({"200"})
    int m;

    @Param({"plain", "vector"})
    String kernels;

    private ChunkKernels chunkKernels;
    private int mp;
    private double[] x;
    private double[] w;
    private double[] wtPanels;
    private double[] b;
    private double[] z;
    private double[] c;
    private double[] cPanels;
    private double[] grad;
    private TwoLayerReluModel model;
    private Batch batch;
    private GradientAccumulator accumulator;

    @Setup(Level.Trial)
    public void setUp() {
        RandomStream rng = new SeededRandomStreams(1).stream("bench");
        chunkKernels = KernelChoice.choose(kernels);
        x = gaussians(N * d, rng);
        w = gaussians(m * d, rng);
        mp = ChunkKernels.padded(m);
        double[] rowMajor = new double[d * mp];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                rowMajor[k * mp + j] = w[j * d + k];
            }
        }
        wtPanels = new double[d * mp];
        ChunkKernels.toPanels(rowMajor, d, mp, wtPanels);
        b = gaussians(mp, rng);
        z = new double[N * mp];
        c = gaussians(N * mp, rng);
        cPanels = new double[N * mp];
        ChunkKernels.toPanels(c, N, mp, cPanels);
        grad = new double[mp * d];
        model = (TwoLayerReluModel) new TwoLayerReluArchitecture(
                new TwoLayerReluParams(m, "gaussian", 1.0, 0.5, "logistic")).build(d, 1, rng);
        batch = new Batch(d, 1, N);
        System.arraycopy(x, 0, batch.x(), 0, x.length);
        for (int s = 0; s < N; s++) {
            batch.y()[s] = rng.nextDouble() < 0.5 ? -1 : 1;
        }
        batch.setSize(N);
        accumulator = new TwoLayerReluAccumulator(model, EnumSet.of(GradientPart.FIRST_LAYER), chunkKernels);
    }

    private static double[] gaussians(int length, RandomStream rng) {
        double[] v = new double[length];
        rng.nextGaussians(v, 0, length);
        return v;
    }

    /** The old forward: one dot product per (sample, unit). */
    @Benchmark
    public void matrixVectorPerSample(Blackhole hole) {
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < m; j++) {
                z[s * m + j] = b[j] + Vectors.dot(w, j * d, x, s * d, d);
            }
        }
        hole.consume(z);
    }

    /** The old backward: one rank-one update (axpy of x into a gradient row) per (sample, unit). */
    @Benchmark
    public void rankOneUpdatesPerSample(Blackhole hole) {
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < m; j++) {
                Vectors.axpy(c[s * mp + j], x, s * d, grad, j * d, d);
            }
        }
        hole.consume(grad);
    }

    @Benchmark
    public void blockedForward(Blackhole hole) {
        chunkKernels.forward(x, 0, N, d, wtPanels, mp, b, z);
        hole.consume(z);
    }

    @Benchmark
    public void blockedBackward(Blackhole hole) {
        chunkKernels.backward(x, 0, N, d, cPanels, mp, grad);
        hole.consume(grad);
    }

    /** Forward, loss derivatives, coefficients and backward of one chunk (4 n m d flops). */
    @Benchmark
    public double fusedChunkStep() {
        accumulator.reset();
        return accumulator.add(0, batch, 1.0 / N);
    }
}
