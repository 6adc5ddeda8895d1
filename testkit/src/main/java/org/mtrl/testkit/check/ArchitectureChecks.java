package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.Workers;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitStreams;
import org.mtrl.testkit.KitWorkers;

/**
 * The contract of an {@link Architecture} and its models: parameters of the shapes asked for, gradients
 * of every part that match central finite differences of the summed loss computed from
 * {@link Model#features} and the heads, and the same bits whether one thread or four compute them. A model
 * that offers the {@link GradientPart#PRE_ACTIVATION_GRAM} lets mtrl sample its inputs in a subspace
 * (projected sampling), so two more checks hold it to what that relies on: its Gram is the sum of
 * c c^T over the samples, with each sample's c read off its first-layer gradient c x^T, and it sees x
 * only through W x (rotating the inputs and the first layer's columns together changes nothing).
 */
public final class ArchitectureChecks {
    private static final int DIM = 5;
    private static final int TASKS = 3;
    private static final int POINTS = 12;
    private static final double STEP = 1e-6;
    /** Central differences of a smooth loss are good to about STEP^2 plus rounding over STEP: 1e-7 relative. */
    private static final double TOLERANCE = 1e-5;
    /** Exact identities computed in two orders: rounding alone, relative to the largest entry. */
    private static final double ROUNDING = 1e-9;
    /** The parameter groups, which every model computes. */
    private static final Set<GradientPart> PARAMETERS = EnumSet.of(GradientPart.HEAD, GradientPart.FIRST_LAYER,
            GradientPart.BIAS);

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
                new ContractCheck("gradients and features have the same bits on 1 and 4 threads", this::sameBitsOnAnyThreads),
                new ContractCheck("withFirstLayer(W', b') is a model of W' and b' (another input dimension too) with a"
                        + " copy of the heads, and leaves the model as it was", this::withFirstLayerUsesWhatItIsGiven),
                new ContractCheck("if offered, the pre-activation Gram is the sum over samples of c c^T, c x^T being the"
                        + " sample's first-layer gradient", this::gramIsTheSumOfPerSampleOuterProducts),
                new ContractCheck("if the Gram is offered, the model sees x only through W x (a rotation of the inputs"
                        + " and of W's columns changes nothing)", this::seesInputsOnlyThroughTheFirstLayer));
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
            GradientAccumulator gradient = model.newAccumulator(PARAMETERS);
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

    /**
     * Probes read the features of a changed first layer through {@code withFirstLayer}, and projected
     * sampling trains through it on inputs of another dimension: the model it gives must hold exactly the
     * first layer and biases given, copies of the heads (changing them leaves this model's alone), and
     * correct gradients (finite differences, as for built models); this model must keep its parameters.
     */
    public void withFirstLayerUsesWhatItIsGiven() {
        Model model = build(12);
        int m = model.width();
        int d = model.inputDim() + 2;
        RandomStream rng = new KitStreams(13).stream("first layer");
        Matrix firstLayer = Matrix.zeros(m, d);
        rng.nextGaussians(firstLayer.data(), 0, m * d);
        double[] bias = new double[m];
        rng.nextGaussians(bias, 0, m);
        double[] before = concat(model.firstLayer().data(), model.bias(), model.heads().data());
        Model changed = model.withFirstLayer(firstLayer, bias);
        require(changed != null, "withFirstLayer() returned no model (null)");
        require(changed.inputDim() == d && changed.width() == m && changed.taskCount() == TASKS,
                "withFirstLayer() given a first layer of " + m + " x " + d + " gave a model of inputDim " + changed.inputDim()
                        + ", width " + changed.width() + " and taskCount " + changed.taskCount());
        require(Arrays.equals(changed.firstLayer().data(), firstLayer.data()) && Arrays.equals(changed.bias(), bias),
                "withFirstLayer()'s model does not hold the first layer and biases it was given");
        require(Arrays.equals(changed.heads().data(), model.heads().data()), "withFirstLayer()'s model has other heads");
        require(Arrays.equals(concat(model.firstLayer().data(), model.bias(), model.heads().data()), before),
                "withFirstLayer() changed the model it was called on");
        changed.heads().data()[0] += 1;
        require(model.heads().data()[0] == before[before.length - TASKS * m],
                "withFirstLayer()'s model shares its heads with the model it came from: they must be a copy");
        Batch batch = batch(changed, 14);
        GradientAccumulator gradient = changed.newAccumulator(PARAMETERS);
        gradient.add(1, batch, 1.0);
        compare("first layer of withFirstLayer()'s model", gradient.firstLayer(), changed.firstLayer().data(), 0,
                changed, 1, batch);
        compare("bias of withFirstLayer()'s model", gradient.bias(), changed.bias(), 0, changed, 1, batch);
    }

    /**
     * Per task, the Gram of the batch (loss scale 0.5, so c carries the scale) against the sum over its
     * samples of c c^T, where c is read off the sample's first-layer gradient G = c x^T as G x / |x|^2.
     * Passes at once for a model that does not offer the Gram.
     */
    public void gramIsTheSumOfPerSampleOuterProducts() {
        Model model = build(7);
        if (!offersGram(model)) {
            return;
        }
        int d = model.inputDim();
        int m = model.width();
        Batch batch = batch(model, 8);
        Set<GradientPart> parts = EnumSet.of(GradientPart.FIRST_LAYER, GradientPart.PRE_ACTIVATION_GRAM);
        boolean seenNonzero = false;
        for (int t = 0; t < TASKS; t++) {
            double[] expected = new double[m * m];
            for (int s = 0; s < POINTS; s++) {
                Batch one = new Batch(d, 1, 1);
                one.setSize(1);
                System.arraycopy(batch.x(), s * d, one.x(), 0, d);
                one.y()[0] = batch.y()[s];
                GradientAccumulator single = model.newAccumulator(parts);
                single.add(t, one, 0.5);
                double[] c = new double[m];
                for (int j = 0; j < m; j++) {
                    c[j] = dot(single.firstLayer(), j * d, one.x(), d) / dot(one.x(), 0, one.x(), d);
                }
                for (int i = 0; i < m * m; i++) {
                    expected[i] += c[i / m] * c[i % m];
                }
            }
            GradientAccumulator whole = model.newAccumulator(parts);
            whole.add(t, batch, 0.5);
            double[] gram = whole.preActivationGram();
            require(gram.length == m * m, "preActivationGram() has " + gram.length + " entries, expected m x m = " + m * m);
            agree(gram, expected, "pre-activation Gram entry", " (task " + t
                    + ") is %s but the sum over samples of c c^T, c read off each first-layer gradient c x^T, is %s");
            seenNonzero |= Arrays.stream(expected).anyMatch(v -> v != 0);
        }
        require(seenNonzero, "every sample's first-layer gradient is zero: the Gram check saw nothing to compare");
    }

    /**
     * The model on inputs x against {@code withFirstLayer(W Q, b)} on u = Q^T x, Q a random rotation: since
     * (W Q)(Q^T x) = W x, a model that sees x only through W x has the same features, loss and gradients
     * (the first layer's in u's coordinates: G Q). Passes at once for a model that does not offer the Gram.
     */
    public void seesInputsOnlyThroughTheFirstLayer() {
        Model model = build(9);
        if (!offersGram(model)) {
            return;
        }
        int d = model.inputDim();
        int m = model.width();
        Subspace rotation = KitProblem.randomSubspace(d, d, new KitStreams(10).stream("rotation"));
        Matrix q = rotation.basis();
        Matrix wq = new Matrix(m, d, times(model.firstLayer().data(), m, q));
        Model rotated = model.withFirstLayer(wq, model.bias().clone());
        Batch batch = batch(model, 11);
        Batch turned = new Batch(d, 1, POINTS);
        turned.setSize(POINTS);
        rotation.project(batch.x(), POINTS, turned.x());
        System.arraycopy(batch.y(), 0, turned.y(), 0, POINTS);

        double[] features = new double[POINTS * m];
        double[] turnedFeatures = new double[POINTS * m];
        model.features(batch.x(), POINTS, features);
        rotated.features(turned.x(), POINTS, turnedFeatures);
        agree(turnedFeatures, features, "feature", " of W Q on u = Q^T x is %s but %s on x");
        for (int t = 0; t < TASKS; t++) {
            GradientAccumulator onX = model.newAccumulator(PARAMETERS);
            GradientAccumulator onU = rotated.newAccumulator(PARAMETERS);
            double loss = onX.add(t, batch, 1.0);
            double turnedLoss = onU.add(t, turned, 1.0);
            agree(new double[] {turnedLoss}, new double[] {loss}, "summed loss", " (task " + t + ") on u is %s but %s on x");
            agree(onU.head(), onX.head(), "head gradient entry", " (task " + t + ") on u is %s but %s on x");
            agree(onU.bias(), onX.bias(), "bias gradient entry", " (task " + t + ") on u is %s but %s on x");
            agree(onU.firstLayer(), times(onX.firstLayer(), m, q), "first-layer gradient entry", " (task " + t
                    + ") on u is %s but G Q of the gradient G on x is %s");
        }
    }

    /** The rows x d matrix {@code a} (row-major) times the square matrix q. */
    private static double[] times(double[] a, int rows, Matrix q) {
        int d = q.rows();
        double[] product = new double[rows * d];
        for (int j = 0; j < rows; j++) {
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < d; i++) {
                    product[j * d + c] += a[j * d + i] * q.get(i, c);
                }
            }
        }
        return product;
    }

    private static boolean offersGram(Model model) {
        return model.gradientParts().contains(GradientPart.PRE_ACTIVATION_GRAM);
    }

    /**
     * Fails unless each entry of {@code actual} (as long as {@code expected}) is {@code expected}'s up to
     * rounding, relative to the largest.
     */
    private static void agree(double[] actual, double[] expected, String what, String mismatch) {
        double largest = 0;
        for (int i = 0; i < actual.length; i++) {
            largest = Math.max(largest, Math.max(Math.abs(actual[i]), Math.abs(expected[i])));
        }
        for (int i = 0; i < actual.length; i++) {
            require(Math.abs(actual[i] - expected[i]) <= ROUNDING * largest, what + " " + i
                    + String.format(Locale.ROOT, mismatch, actual[i], expected[i]));
        }
    }

    private static double dot(double[] a, int from, double[] b, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += a[from + i] * b[i];
        }
        return sum;
    }

    /** Per chunk of samples: its gradients (every part offered, task chunk % T) and its features, computed on {@code workers}. */
    private double[][] chunkGradients(Workers workers) {
        Model model = build(6);
        int chunks = 16;
        Batch[] batches = new Batch[chunks];
        for (int c = 0; c < chunks; c++) {
            batches[c] = batch(model, 100 + c);
        }
        double[][] results = new double[chunks][];
        workers.forEach(chunks, c -> {
            GradientAccumulator gradient = model.newAccumulator(model.gradientParts());
            double loss = gradient.add(c % TASKS, batches[c], 0.5);
            double[] features = new double[POINTS * model.width()];
            model.features(batches[c].x(), POINTS, features);
            double[] gram = offersGram(model) ? gradient.preActivationGram() : new double[0];
            results[c] = concat(new double[] {loss}, gradient.head(), gradient.firstLayer(), gradient.bias(), gram,
                    features);
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

    /**
     * A model built for the checks. Heads that are all zero (the paper's start) are drawn N(0, 1/m)
     * instead: with zero heads every first-layer and bias gradient is zero, and a wrong formula for them
     * would pass unseen.
     */
    private Model build(long seed) {
        KitStreams streams = new KitStreams(seed);
        Model model = architecture.get().build(DIM, TASKS, streams.stream("init"));
        require(model != null, "build() returned no model (null)");
        double[] heads = model.heads() == null ? new double[0] : model.heads().data();
        if (Arrays.stream(heads).allMatch(a -> a == 0)) {
            RandomStream rng = streams.stream("heads");
            for (int i = 0; i < heads.length; i++) {
                heads[i] = rng.nextGaussian() / Math.sqrt(model.width());
            }
        }
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
