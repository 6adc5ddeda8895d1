package org.mtrl.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.api.training.DivergenceCheck;
import org.mtrl.api.training.GradientService;
import org.mtrl.api.training.SamplePlan;

/**
 * A small pretraining problem for tests: Gaussian inputs in R^d, a random r-dimensional ground truth,
 * T tasks drawn from a task family, and a sample source that counts what it hands out. Everything is
 * drawn from {@link KitStreams} of the seed, so two problems built alike are equal.
 *
 * <pre>{@code
 * KitProblem kit = KitProblem.gaussian(8, 2).taskCount(4).seed(3).build();
 * Model model = ReferenceModel.architecture(16, Losses.byName("logistic")).build(8, 4, kit.streams().stream("init"));
 * new MyOptimizer().train(model, kit.trainingContext(model, KitWorkers.sameThread()));
 * long drawn = kit.samplesDrawn();
 * }</pre>
 */
public final class KitProblem {
    private final Problem problem;
    private final TaskFamily family;
    private final RandomStreams streams;
    private final AtomicLong drawn;

    private KitProblem(Problem problem, TaskFamily family, RandomStreams streams, AtomicLong drawn) {
        this.problem = problem;
        this.family = family;
        this.streams = streams;
        this.drawn = drawn;
    }

    /** A problem on standard Gaussian inputs of dimension {@code dim} with a ground truth of rank {@code rank}. */
    public static Builder gaussian(int dim, int rank) {
        return new Builder(dim, rank);
    }

    /** The problem: distribution, drawn tasks, counting sample source. */
    public Problem problem() {
        return problem;
    }

    /** The task family the tasks were drawn from (probes draw downstream tasks from it). */
    public TaskFamily taskFamily() {
        return family;
    }

    /** The streams of the problem's seed, for a model's init or a component's own use. */
    public RandomStreams streams() {
        return streams;
    }

    /** How many labelled samples the problem's sample source has handed out so far. */
    public long samplesDrawn() {
        return drawn.get();
    }

    /** The streams a training context of this problem hands its optimizer: {@link #streams()} scoped {@code training}. */
    public RandomStreams trainingStreams() {
        return streams.scoped("training");
    }

    /**
     * A training context of {@code model} on this problem: {@link #trainingStreams()}, no progress
     * display, the kit's gradients ({@link KitGradients}) and a divergence check of the default growth.
     */
    public TrainingContext trainingContext(Model model, Workers workers) {
        return trainingContext(model, workers, KitGradients.SERVICE);
    }

    /** As {@link #trainingContext(Model, Workers)}, with the gradients of {@code gradients} (a framework's own service). */
    public TrainingContext trainingContext(Model model, Workers workers, GradientService gradients) {
        return new TrainingContext(problem, trainingStreams(), workers, ProgressListener.NONE, gradients,
                new DivergenceCheck(model, DivergenceCheck.DEFAULT_GROWTH));
    }

    /**
     * The {@code n} samples of {@code task} that training draws for {@code (purpose, round)}: chunk c of
     * {@link SamplePlan#CHUNK} samples from the training stream {@code (purpose, round, task, c)}, as
     * {@link SamplePlan} documents. Not counted in {@link #samplesDrawn()}: a test's second computation
     * reads them without changing what the component under test is charged.
     */
    public Batch trainingSamples(String purpose, int round, int task, int n) {
        Batch all = new Batch(problem.distribution().dim(), problem.groundTruth().rank(), n);
        Batch chunk = new Batch(all.dim(), all.rank(), Math.min(n, SamplePlan.CHUNK));
        Task labels = problem.tasks().get(task);
        for (int c = 0; (long) c * SamplePlan.CHUNK < n; c++) {
            int offset = c * SamplePlan.CHUNK;
            int size = Math.min(SamplePlan.CHUNK, n - offset);
            fill(problem.distribution(), labels, trainingStreams().stream(purpose, round, task, c), chunk, size);
            System.arraycopy(chunk.x(), 0, all.x(), offset * all.dim(), size * all.dim());
            System.arraycopy(chunk.z(), 0, all.z(), offset * all.rank(), size * all.rank());
            System.arraycopy(chunk.y(), 0, all.y(), offset, size);
        }
        all.setSize(n);
        return all;
    }

    /** A probe context reading {@code model}, trained on every task, with streams scoped {@code probe}. */
    public ProbeContext probeContext(Model model, Workers workers) {
        TrainingResult training = new TrainingResult(List.of(),
                IntStream.range(0, problem.taskCount()).boxed().toList());
        return new ProbeContext(model, problem, family, training, streams.scoped("probe"), workers);
    }

    /** Chooses the problem's sizes, task family and seed. */
    public static final class Builder {
        private final int dim;
        private final int rank;
        private int taskCount = 4;
        private TaskFamily family;
        private long seed = 1;

        private Builder(int dim, int rank) {
            if (rank < 1 || rank > dim) {
                throw new IllegalArgumentException("need 1 <= rank <= dim, got rank " + rank + ", dim " + dim);
            }
            this.dim = dim;
            this.rank = rank;
        }

        /** T, the number of tasks drawn (4 unless set). */
        public Builder taskCount(int taskCount) {
            this.taskCount = taskCount;
            return this;
        }

        /** The family the tasks are drawn from (linear thresholds sign(v . z) unless set). */
        public Builder taskFamily(TaskFamily family) {
            this.family = family;
            return this;
        }

        /** The seed of every random draw (1 unless set). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public KitProblem build() {
            KitStreams streams = new KitStreams(seed);
            GaussianInputs inputs = new GaussianInputs(randomSubspace(dim, rank, streams.stream("ground-truth")));
            TaskFamily tasks = family != null ? family : linearThresholds(taskCount);
            List<Task> drawnTasks = new ArrayList<>();
            for (int t = 0; t < taskCount; t++) {
                drawnTasks.add(tasks.draw(inputs.groundTruth(), streams.stream("tasks", t)));
            }
            AtomicLong drawn = new AtomicLong();
            SampleSource samples = (task, rng, batch, n) -> {
                drawn.addAndGet(n);
                fill(inputs, task, rng, batch, n);
            };
            return new KitProblem(new Problem(inputs, drawnTasks, samples), tasks, streams, drawn);
        }
    }

    /** Draws {@code n} inputs, their projections and labels into {@code batch}, as mtrl's sample source does. */
    public static void fill(DataDistribution data, Task task, RandomStream rng, Batch batch, int n) {
        batch.setSize(n);
        data.sample(rng, batch.x(), n);
        data.groundTruth().project(batch.x(), n, batch.z());
        task.label(batch.z(), n, rng, batch.y());
    }

    /**
     * A random r-dimensional subspace of R^d: Gram-Schmidt, applied twice, on a Gaussian d x r matrix.
     */
    public static Subspace randomSubspace(int dim, int rank, RandomStream rng) {
        double[][] columns = new double[rank][dim];
        for (int c = 0; c < rank; c++) {
            for (int i = 0; i < dim; i++) {
                columns[c][i] = rng.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int prev = 0; prev < c; prev++) {
                    double dot = dot(columns[c], columns[prev]);
                    for (int i = 0; i < dim; i++) {
                        columns[c][i] -= dot * columns[prev][i];
                    }
                }
                double norm = Math.sqrt(dot(columns[c], columns[c]));
                for (int i = 0; i < dim; i++) {
                    columns[c][i] /= norm;
                }
            }
        }
        Matrix basis = Matrix.zeros(dim, rank);
        for (int c = 0; c < rank; c++) {
            for (int i = 0; i < dim; i++) {
                basis.set(i, c, columns[c][i]);
            }
        }
        return new Subspace(basis);
    }

    /** The family of linear thresholds y = sign(v . z), v standard Gaussian: the kit's default tasks. */
    public static TaskFamily linearThresholds(int count) {
        return new TaskFamily() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public Task draw(Subspace groundTruth, RandomStream rng) {
                double[] v = new double[groundTruth.rank()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = rng.nextGaussian();
                }
                return (z, n, noise, y) -> {
                    for (int k = 0; k < n; k++) {
                        double s = 0;
                        for (int c = 0; c < v.length; c++) {
                            s += v[c] * z[k * v.length + c];
                        }
                        y[k] = s >= 0 ? 1 : -1;
                    }
                };
            }
        };
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Standard Gaussian inputs on a fixed ground truth. */
    private record GaussianInputs(Subspace groundTruth) implements DataDistribution {
        @Override
        public int dim() {
            return groundTruth.dim();
        }

        @Override
        public void sample(RandomStream rng, double[] x, int n) {
            rng.nextGaussians(x, 0, n * dim());
        }

        /** True: x ~ N(0, I_d), so a framework may sample the problem projected (mtrl's projected sampling). */
        @Override
        public boolean standardGaussian() {
            return true;
        }
    }
}
