package org.mtrl.core.assembly;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.api.training.DivergenceCheck;
import org.mtrl.api.training.TrainingDivergedException;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.data.ProjectingSampleSource;
import org.mtrl.core.sampling.SamplingChoice;
import org.mtrl.core.training.GradientEngine;

/**
 * One run: draw the tasks on the ground truth, build the model, pretrain it, probe it. The components
 * come from the run's injector; this class only fixes the order and the random streams of each phase.
 */
public final class Experiment {
    private final DataDistribution data;
    private final TaskFamily taskFamily;
    private final Architecture architecture;
    private final Optimizer optimizer;
    private final List<NamedProbe> probes;
    private final RandomStreams streams;
    private final Workers workers;
    private final ProgressListener progress;
    private final RunConfig config;

    @Inject
    Experiment(DataDistribution data, TaskFamily taskFamily, Architecture architecture, Optimizer optimizer,
               List<NamedProbe> probes, RandomStreams streams, Workers workers, ProgressListener progress,
               RunConfig config) {
        this.data = data;
        this.taskFamily = taskFamily;
        this.architecture = architecture;
        this.optimizer = optimizer;
        this.probes = probes;
        this.streams = streams;
        this.workers = workers;
        this.progress = progress;
        this.config = config;
    }

    /**
     * Draws the pretraining tasks on the ground truth and builds the initial model: the last checks of
     * the configuration (an invalid combination, such as a parity order above the rank, an optimizer
     * that does not fit the problem, or sizes too large for memory, surfaces here as a
     * {@link ConfigException} naming the slot), before any training work. A component that breaks its
     * contract here (throws, or returns shapes that do not fit) fails the run naming the component.
     */
    public Prepared prepare() {
        long start = System.nanoTime();
        Subspace groundTruth = Contracts.call(config.data(), "groundTruth()", data::groundTruth);
        Contracts.require(config.data(), groundTruth != null, () -> "groundTruth() returned nothing (null)");
        Contracts.require(config.data(), groundTruth.dim() == data.dim(), () -> "groundTruth() is "
                + groundTruth.basis() + " but dim() is " + data.dim());
        List<Task> tasks = new ArrayList<>();
        try {
            for (int t = 0; t < taskFamily.count(); t++) {
                RandomStream rng = streams.stream("pretraining-tasks", t);
                tasks.add(Contracts.call(config.tasks(), "draw()", () -> taskFamily.draw(groundTruth, rng)));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tasks", e.getMessage());
        } catch (ArithmeticException | NegativeArraySizeException | OutOfMemoryError e) {
            throw ConfigException.tooLarge("tasks", e);
        }
        Problem problem = new Problem(data, tasks, new ProjectingSampleSource(data, config.data().factory().describe()));
        try {
            optimizer.check(problem);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("optimizer", e.getMessage());
        }
        Model model;
        try {
            RandomStream init = streams.stream("model-init");
            model = Contracts.call(config.model(), "build()", () -> architecture.build(data.dim(), tasks.size(), init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model", e.getMessage());
        } catch (ArithmeticException | NegativeArraySizeException | OutOfMemoryError e) {
            throw ConfigException.tooLarge("model", e);
        }
        Contracts.require(config.model(), model != null, () -> "build() returned no model (null)");
        Contracts.checkModel(config.model(), "built", model, data.dim(), tasks.size());
        Model checked = new CheckedModel(config.model(), model);
        SamplingChoice sampling;
        try {
            sampling = SamplingChoice.of(config.sampling(), problem, checked, workers,
                    config.data().factory().describe(), config.model().factory().describe());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("sampling", e.getMessage());
        }
        if (sampling.projected()) {
            ProjectionClaims.verify(config.data(), data);
        }
        return new Prepared(problem, checked, sampling, (System.nanoTime() - start) / 1e9);
    }

    /** The drawn problem, initial model and sampling of a run about to start. */
    public record Prepared(Problem problem, Model model, SamplingChoice sampling, double seconds) {
    }

    /** Pretrains the prepared model, then probes it. */
    public RunResult run(Prepared prepared) {
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("setup", prepared.seconds());
        Problem problem = prepared.problem();
        Model model = prepared.model();
        long start = System.nanoTime();
        progress.phaseStarted("pretraining");
        TrainingResult training;
        DivergenceCheck divergence = new DivergenceCheck(model, config.divergenceGrowth());
        try {
            training = optimizer.train(model, new TrainingContext(problem, streams.scoped("training"), workers,
                    progress, GradientEngine.service(prepared.sampling().sampling()), divergence));
        } catch (RunFailedException e) {
            throw e; // a component the optimizer called (a task) broke its contract, and is named
        } catch (TrainingDivergedException | ProjectingSampleSource.SampleFailure e) {
            throw new RunFailedException(e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory("pretraining", config.optimizer().factory().describe(), e);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw new RunFailedException(config.optimizer().factory().describe() + " failed: " + Contracts.describe(e), e);
        }
        Contracts.require(config.optimizer(), training != null, () -> "train() returned no result (null)");
        Contracts.checkModel(config.optimizer(), "trained", model, model.inputDim(), model.taskCount());
        start = lap(timings, "pretraining", start);

        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> measuredBy = new LinkedHashMap<>();
        for (NamedProbe probe : probes) {
            progress.phaseStarted("probe " + probe.name());
            String named = "probe '" + probe.name() + "' (" + probe.origin() + ")";
            List<Metric> measured;
            try {
                measured = probe.probe().measure(new ProbeContext(model, problem, taskFamily, training,
                        streams.scoped("probe/" + probe.name()), workers, prepared.sampling().sampling()));
            } catch (RunFailedException e) {
                throw e;
            } catch (OutOfMemoryError e) {
                throw outOfMemory("probe '" + probe.name() + "'", probe.origin(), e);
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw new RunFailedException(named + " failed: " + Contracts.describe(e), e);
            }
            if (measured == null || measured.stream().anyMatch(Objects::isNull)) {
                throw new RunFailedException(named + " returned no " + (measured == null ? "metrics" : "metric")
                        + " (null)", null);
            }
            for (Metric metric : measured) {
                String name = probe.name() + "." + metric.name();
                if (!Double.isFinite(metric.value())) {
                    throw new RunFailedException(named + " returned a non-finite value for " + name + ": "
                            + metric.value(), null);
                }
                String earlier = measuredBy.putIfAbsent(name, named);
                if (earlier != null) {
                    throw new RunFailedException(named + " returned the metric " + name + ", which "
                            + (earlier.equals(named) ? "it had already returned" : earlier + " returned too")
                            + ": every metric name must be unique", null);
                }
                metrics.put(name, metric.value());
            }
            start = lap(timings, "probe." + probe.name(), start);
        }
        return new RunResult(metrics, training, timings);
    }

    /** Out of memory in a phase: the heap, the phase and the component working in it; no stack trace. */
    static RunFailedException outOfMemory(String phase, String component, OutOfMemoryError e) {
        return new RunFailedException(OutOfMemory.describe(phase, component), e);
    }

    private static long lap(Map<String, Double> timings, String phase, long start) {
        long now = System.nanoTime();
        timings.put(phase, (now - start) / 1e9);
        return now;
    }
}
