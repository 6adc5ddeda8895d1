package org.mtrl.core.training;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.mtrl.api.data.Problem;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.training.GradientService;
import org.mtrl.api.training.Gradients;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;

/**
 * The run's {@link Gradients}: computes the gradients the pretraining methods step along, on samples
 * streamed in chunks (memory does not grow with T or n), in parallel, with results that do not depend
 * on the thread count: every unit of work draws its samples from its own stream
 * {@code (purpose, round, task, chunk)}, and partial sums are combined in a fixed order.
 */
public final class GradientEngine implements Gradients {
    /** The service a run's training context offers: a fresh engine per model and {@code train} call. */
    public static final GradientService SERVICE = GradientEngine::new;

    /**
     * The shared-layer gradient is summed in this many contiguous shards of (task, chunk) units, one
     * accumulator each, then the shards are added in order. Fixed, so sums do not depend on threads.
     */
    public static final int SHARDS = 8;

    private final Model model;
    private final Problem problem;
    private final RandomStreams streams;
    private final Workers workers;
    private final ProgressListener progress;
    private final WorkspacePool headPool;
    private final WorkspacePool sharedPool;
    private final WorkspacePool sharedWithBiasPool;

    public GradientEngine(Model model, TrainingContext context) {
        this.model = model;
        this.problem = context.problem();
        this.streams = context.streams();
        this.workers = context.workers();
        this.progress = context.progress();
        int rank = problem.groundTruth().rank();
        this.headPool = new WorkspacePool(model, rank, EnumSet.of(GradientPart.HEAD));
        this.sharedPool = new WorkspacePool(model, rank, EnumSet.of(GradientPart.FIRST_LAYER));
        this.sharedWithBiasPool = new WorkspacePool(model, rank,
                EnumSet.of(GradientPart.FIRST_LAYER, GradientPart.BIAS));
    }

    @Override
    public HeadGradients headGradients(int[] tasks, SamplePlan plan) {
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
        int chunks = plan.chunks();
        int units = Math.multiplyExact(tasks.length, chunks); // bounded at resolution (Feasibility)
        int shards = Math.min(SHARDS, units);
        double scale = 1.0 / ((double) plan.samples() * tasks.length);
        WorkspacePool pool = withBias ? sharedWithBiasPool : sharedPool;
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
            double loss = shardLoss[0];
            for (int s = 1; s < shards; s++) {
                GradientAccumulator acc = partial[s].accumulator;
                add(firstLayer, acc.firstLayer());
                if (withBias) {
                    add(bias, acc.bias());
                }
                loss += shardLoss[s];
            }
            return new SharedGradient(firstLayer, bias, loss * scale);
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
        problem.samples().draw(problem.tasks().get(task),
                streams.stream(plan.purpose(), plan.round(), task, chunk), w.batch, plan.chunkSize(chunk));
        return w.accumulator.add(task, w.batch, scale);
    }

    private static void add(double[] into, double[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
