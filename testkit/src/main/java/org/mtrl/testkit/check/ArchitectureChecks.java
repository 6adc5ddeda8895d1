package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.Workers;
import org.mtrl.testkit.KitStreams;
import org.mtrl.testkit.KitWorkers;

/**
 * The contract of an {@link Architecture} and its models: parameters of the shapes asked for, gradients
 * of every part that match central finite differences of the summed loss computed from
 * {@link Model#features} and the heads, and the same bits whether one thread or four compute them.
 */
public final class ArchitectureChecks {
    private static final int DIM = 5;
    private static final int TASKS = 3;
    private static final int POINTS = 12;
    private static final double STEP = 1e-6;
    /** Central differences of a smooth loss are good to about STEP^2 plus rounding over STEP: 1e-7 relative. */
    private static final double TOLERANCE = 1e-5;

    private final Supplier<Architecture> architecture;

    /** @param architecture creates the architecture under test (called once per check) */
    public ArchitectureChecks(Supplier<Architecture> architecture) {
        this.architecture = architecture;
    }

    /** Every check, in the order they are reported. */
    public List<ContractCheck> all() {
        return List.of(
                new ContractCheck("build() gives parameters of the shapes asked for", this::shapes),
                new ContractCheck("gradients of head, first layer and bias match finite differences of the loss",
                        this::gradientsMatchFiniteDifferences),
                new ContractCheck("the summed loss add() returns matches the loss of features() and the heads",
                        this::lossMatchesFeatures),
                new ContractCheck("gradients and features have the same bits on 1 and 4 threads", this::sameBitsOnAnyThreads));
    }

    public void shapes() {
        Model model = build(1);
        int m = model.width();
        require(model.inputDim() == DIM && model.taskCount() == TASKS, "build(" + DIM + ", " + TASKS
                + ", init) gave a model of inputDim " + model.inputDim() + " and taskCount " + model.taskCount());
        require(m > 0, "width() must be positive, got " + m);
        require(model.firstLayer().rows() == m && model.firstLayer().cols() == DIM,
                "firstLayer() is " + model.firstLayer() + ", expected " + m + " x " + DIM);
        require(model.bias().length == m, "bias() has " + model.bias().length + " entries, expected " + m);
        require(model.heads().rows() == TASKS && model.heads().cols() == m,
                "heads() is " + model.heads() + ", expected " + TASKS + " x " + m);
        require(model.loss() != null, "loss() returned null");
    }

    public void gradientsMatchFiniteDifferences() {
        Model model = build(2);
        Batch batch = batch(model, 3);
        for (int t = 0; t < TASKS; t++) {
            GradientAccumulator gradient = model.newAccumulator(EnumSet.allOf(GradientPart.class));
            gradient.add(t, batch, 1.0);
            compare("head " + t, gradient.head(), model.heads().data(), t * model.width(), model, t, batch);
            compare("first layer (task " + t + ")", gradient.firstLayer(), model.firstLayer().data(), 0, model, t, batch);
            compare("bias (task " + t + ")", gradient.bias(), model.bias(), 0, model, t, batch);
        }
    }

    public void lossMatchesFeatures() {
        Model model = build(4);
        Batch batch = batch(model, 5);
        for (int t = 0; t < TASKS; t++) {
            double summed = model.newAccumulator(EnumSet.of(GradientPart.HEAD)).add(t, batch, 1.0);
            double expected = loss(model, t, batch);
            require(Math.abs(summed - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)), "add() on task " + t
                    + " returned the summed loss " + summed + ", but the loss of features() and heads is " + expected);
        }
    }

    public void sameBitsOnAnyThreads() {
        double[][] one = chunkGradients(KitWorkers.sameThread());
        double[][] four = chunkGradients(KitWorkers.fourThreads());
        for (int c = 0; c < one.length; c++) {
            require(Arrays.equals(one[c], four[c]), "chunk " + c + " has other gradients or features on 4 threads"
                    + " than on 1: a model must not share scratch space between accumulators or feature calls");
        }
    }

    /** Per chunk of samples: its gradients (all parts, task chunk % T) and its features, computed on {@code workers}. */
    private double[][] chunkGradients(Workers workers) {
        Model model = build(6);
        int chunks = 16;
        Batch[] batches = new Batch[chunks];
        for (int c = 0; c < chunks; c++) {
            batches[c] = batch(model, 100 + c);
        }
        double[][] results = new double[chunks][];
        workers.forEach(chunks, c -> {
            GradientAccumulator gradient = model.newAccumulator(EnumSet.allOf(GradientPart.class));
            double loss = gradient.add(c % TASKS, batches[c], 0.5);
            double[] features = new double[POINTS * model.width()];
            model.features(batches[c].x(), POINTS, features);
            results[c] = concat(new double[] {loss}, gradient.head(), gradient.firstLayer(), gradient.bias(), features);
        });
        return results;
    }

    /** Checks {@code analytic} against central differences of the loss in each entry of {@code live} from {@code from}. */
    private static void compare(String part, double[] analytic, double[] live, int from, Model model, int task, Batch batch) {
        double largest = 0;
        for (double g : analytic) {
            largest = Math.max(largest, Math.abs(g));
        }
        for (int i = 0; i < analytic.length; i++) {
            double kept = live[from + i];
            live[from + i] = kept + STEP;
            double up = loss(model, task, batch);
            live[from + i] = kept - STEP;
            double down = loss(model, task, batch);
            live[from + i] = kept;
            double numeric = (up - down) / (2 * STEP);
            require(Math.abs(numeric - analytic[i]) <= TOLERANCE * Math.max(1, largest), "gradient of the " + part
                    + " entry " + i + " is " + analytic[i] + " but finite differences of the loss give " + numeric);
        }
    }

    /** The summed loss of task {@code task} over the batch, from the model's features and heads. */
    private static double loss(Model model, int task, Batch batch) {
        int m = model.width();
        double[] features = new double[batch.size() * m];
        model.features(batch.x(), batch.size(), features);
        double total = 0;
        for (int k = 0; k < batch.size(); k++) {
            double f = 0;
            for (int j = 0; j < m; j++) {
                f += model.heads().get(task, j) * features[k * m + j];
            }
            total += model.loss().value(batch.y()[k], f);
        }
        return total;
    }

    private Model build(long seed) {
        Model model = architecture.get().build(DIM, TASKS, new KitStreams(seed).stream("init"));
        require(model != null, "build() returned no model (null)");
        return model;
    }

    /** POINTS Gaussian inputs with random labels (z is left zero: a model reads x alone). */
    private static Batch batch(Model model, long seed) {
        KitStreams streams = new KitStreams(seed);
        Batch batch = new Batch(model.inputDim(), 1, POINTS);
        batch.setSize(POINTS);
        streams.stream("x").nextGaussians(batch.x(), 0, POINTS * model.inputDim());
        for (int k = 0; k < POINTS; k++) {
            batch.y()[k] = streams.stream("y", k).nextDouble() < 0.5 ? -1 : 1;
        }
        return batch;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}
