package org.mtrl.core.training;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mtrl.api.data.SampleSource;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.sampling.ModelSamples;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.training.GradientService;
import org.mtrl.api.training.Gradients;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;
import org.mtrl.core.sampling.OutsideSpanGradient;

/**
 * The run's {@link Gradients}: computes the gradients the pretraining methods step along, on samples streamed in chunks (memory
 * does not grow with T or n), in parallel, with results that do not depend on the thread count:
 * every unit of work draws its samples from its own stream, and partial sums are combined in a fixed
 * order.
 *
 * <p>Under projected sampling (the context's {@link Sampling}) a gradient on fresh samples is this
 * engine's work on the reduced problem (inputs u = Q^T x in R^k, the model with first layer W Q), whose
 * head and bias gradients are exact; the first-layer gradient is lifted back to R^d by
 * {@link OutsideSpanGradient}. A fixed training set (round 0) is drawn directly, since its inputs must be
 * the same x every round.
 */
public final class GradientEngine implements Gradients {
    /** The service of a run with direct sampling: a fresh engine per model and {@code train} call. */
    public static final GradientService SERVICE = service(null);

    /**
     * The shared-layer gradient is summed in this many contiguous shards of (task, chunk) units, one
     * accumulator each, then the shards are added in order. Fixed, so sums do not depend on threads.
     */
    public static final int SHARDS = 8;

    private final Model model;
    private final List<Task> problemTasks;
    private final SampleSource samples;
    private final int rank;
    private final RandomStreams streams;
    private final Workers workers;
    private final ProgressListener progress;
    /** Null in an engine that runs a reduced problem: it samples directly. */
    private final Sampling sampling;
    private final Map<Set<GradientPart>, WorkspacePool> pools = new ConcurrentHashMap<>();

    /** The service of a run with {@code sampling} (null: direct), which optimizers reach through their context. */
    public static GradientService service(Sampling sampling) {
        return (model, context) -> new GradientEngine(model, context, sampling);
    }

    /** An engine with direct sampling. */
    public GradientEngine(Model model, TrainingContext context) {
        this(model, context, null);
    }

    /** An engine with {@code sampling} (null: direct). */
    public GradientEngine(Model model, TrainingContext context, Sampling sampling) {
        this(model, context.problem().tasks(), context.problem().samples(), context.problem().groundTruth().rank(),
                context.streams(), context.workers(), context.progress(), sampling);
    }

    private GradientEngine(Model model, List<Task> tasks, SampleSource samples, int rank, RandomStreams streams,
                           Workers workers, ProgressListener progress, Sampling sampling) {
        this.model = model;
        this.problemTasks = tasks;
        this.samples = samples;
        this.rank = rank;
        this.streams = streams;
        this.workers = workers;
        this.progress = progress;
        this.sampling = sampling;
    }

    @Override
    public HeadGradients headGradients(int[] tasks, SamplePlan plan) {
        ModelSamples projected = projected(plan);
        if (projected != null) {
            return reduced(projected).headGradients(tasks, plan);
        }
        WorkspacePool headPool = pool(EnumSet.of(GradientPart.HEAD));
        int m = model.width();
        SamplesDone done = new SamplesDone(progress, (long) tasks.length * plan.samples());
        double[][] gradients = new double[tasks.length][m];
        double[] losses = new double[tasks.length];
        double scale = 1.0 / plan.samples();
        workers.forEach(tasks.length, i -> {
            Workspace w = headPool.take();
            try {
                double loss = 0;
                for (int c = 0; c < plan.chunks(); c++) {
                    loss += addChunk(w, tasks[i], c, plan, scale);
                    done.add(plan.chunkSize(c));
                }
                System.arraycopy(w.accumulator.head(), 0, gradients[i], 0, m);
                losses[i] = loss * scale;
            } finally {
                headPool.give(w);
            }
        });
        return new HeadGradients(tasks.clone(), gradients, losses);
    }

    @Override
    public SharedGradient sharedGradient(int[] tasks, SamplePlan plan, boolean withBias) {
        ModelSamples projected = projected(plan);
        if (projected == null) {
            Sums sums = sums(tasks, plan, withBias, false);
            return new SharedGradient(sums.firstLayer(), sums.bias(), sums.loss());
        }
        Sums sums = reduced(projected).sums(tasks, plan, withBias, true);
        double[] firstLayer = OutsideSpanGradient.lift(sums.firstLayer(), sums.gram(), model.width(),
                projected.basis(), streams, plan.purpose(), plan.round(), workers);
        return new SharedGradient(firstLayer, sums.bias(), sums.loss());
    }

    /** The projected model and samples for {@code plan}, or null when it is to be sampled directly. */
    private ModelSamples projected(SamplePlan plan) {
        if (sampling == null || plan.round() == 0) {
            return null;
        }
        ModelSamples view = sampling.forModel(model);
        return view.projected() ? view : null;
    }

    /** This engine's work on the reduced problem of {@code view}, with the same streams and workers. */
    private GradientEngine reduced(ModelSamples view) {
        return new GradientEngine(view.model(), problemTasks, view.samples(), view.groundTruth().rank(), streams, workers,
                progress, null);
    }

    private WorkspacePool pool(Set<GradientPart> parts) {
        return pools.computeIfAbsent(parts, p -> new WorkspacePool(model, rank, p));
    }

    /** The summed shared-layer parts of a gradient: first layer, and bias and Gram when asked (else null). */
    private record Sums(double[] firstLayer, double[] bias, double[] gram, double loss) {
    }

    private Sums sums(int[] tasks, SamplePlan plan, boolean withBias, boolean withGram) {
        int chunks = plan.chunks();
        int units = Math.multiplyExact(tasks.length, chunks); // bounded at resolution (Feasibility)
        int shards = Math.min(SHARDS, units);
        double scale = 1.0 / ((double) plan.samples() * tasks.length);
        Set<GradientPart> parts = EnumSet.of(GradientPart.FIRST_LAYER);
        if (withBias) {
            parts.add(GradientPart.BIAS);
        }
        if (withGram) {
            parts.add(GradientPart.PRE_ACTIVATION_GRAM);
        }
        WorkspacePool pool = pool(parts);
        Workspace[] partial = new Workspace[shards];
        SamplesDone done = new SamplesDone(progress, (long) tasks.length * plan.samples());
        double[] shardLoss = new double[shards];
        try {
            workers.forEach(shards, s -> {
                Workspace w = pool.take();
                partial[s] = w;
                double loss = 0;
                for (int u = (int) ((long) units * s / shards), end = (int) ((long) units * (s + 1) / shards);
                     u < end; u++) {
                    loss += addChunk(w, tasks[u / chunks], u % chunks, plan, scale);
                    done.add(plan.chunkSize(u % chunks));
                }
                shardLoss[s] = loss;
            });
            double[] firstLayer = partial[0].accumulator.firstLayer().clone();
            double[] bias = withBias ? partial[0].accumulator.bias().clone() : null;
            double[] gram = withGram ? partial[0].accumulator.preActivationGram().clone() : null;
            double loss = shardLoss[0];
            for (int s = 1; s < shards; s++) {
                GradientAccumulator acc = partial[s].accumulator;
                add(firstLayer, acc.firstLayer());
                if (withBias) {
                    add(bias, acc.bias());
                }
                if (withGram) {
                    add(gram, acc.preActivationGram());
                }
                loss += shardLoss[s];
            }
            return new Sums(firstLayer, bias, gram, loss * scale);
        } finally {
            for (Workspace w : partial) {
                if (w != null) {
                    pool.give(w);
                }
            }
        }
    }

    /** Counts the samples one gradient has consumed, for the progress listener (once per chunk). */
    private static final class SamplesDone {
        private final ProgressListener listener;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        SamplesDone(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void add(int samples) {
            listener.workDone(done.addAndGet(samples), total, "samples");
        }
    }

    private double addChunk(Workspace w, int task, int chunk, SamplePlan plan, double scale) {
        samples.draw(problemTasks.get(task),
                streams.stream(plan.purpose(), plan.round(), task, chunk), w.batch, plan.chunkSize(chunk));
        return w.accumulator.add(task, w.batch, scale);
    }

    private static void add(double[] into, double[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
