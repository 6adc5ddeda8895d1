package org.mtrl.core.assembly;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.Workers;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.record.Provenance;
import org.mtrl.core.record.RunLog;
import org.mtrl.core.record.RunRecord;

/** Runs one resolved configuration: one injector, one experiment, one run record. */
public final class RunEngine {
    private final Workers workers;
    private final ProgressListener progress;

    public RunEngine(Workers workers, ProgressListener progress) {
        this.workers = workers;
        this.progress = progress;
    }

    /** The outcome of a run that finished. */
    public record Outcome(Path folder, RunResult result) {
    }

    /**
     * Assembles the run's components (configuration errors surface here, before any work), then runs it
     * and records it in a new folder under {@code runsDir}. The folder is created, with the
     * configuration and provenance, before training starts: an output folder that cannot be written
     * fails then, leaving nothing behind.
     *
     * @throws ConfigException      if a component rejects its configuration; nothing is written
     * @throws UncheckedIOException if the run folder cannot be created; nothing is written
     * @throws RunFailedException   if the run failed, its folder recording the configuration and the
     *                              error; or if its results could not be written, the message then
     *                              carries the metrics, so nothing computed is lost
     */
    public Outcome run(RunConfig config, Path runsDir) {
        return execute(config, provenance -> RunRecord.start(runsDir, config, provenance));
    }

    /** As {@link #run}, recorded in {@code folder} itself (a sweep cell's folder). */
    public Outcome runIn(RunConfig config, Path folder) {
        return execute(config, provenance -> RunRecord.startIn(folder, config, provenance));
    }

    private Outcome execute(RunConfig config, Function<Provenance, RunRecord> start) {
        RunLog log = new RunLog(progress);
        Experiment experiment = assemble(config, log);
        Experiment.Prepared prepared = experiment.prepare();
        RunRecord record = start.apply(Provenance.now(workers.threads(), config.seed())
                .withSampling(prepared.sampling().description()));
        RunResult result;
        try {
            result = experiment.run(prepared);
        } catch (RuntimeException | LinkageError | AssertionError | VirtualMachineError e) {
            prepared = null; // an out-of-memory run lets go of its model and samples before it records why
            String message = e instanceof RunFailedException ? e.getMessage()
                    : e instanceof OutOfMemoryError ? OutOfMemory.describe("the run", null)
                    : "run failed: " + Contracts.describe(e);
            log.note("failed: " + message);
            message = recordFailure(record, message, log);
            throw new RunFailedException(message, e);
        }
        log.note("finished");
        try {
            record.finish(result.metrics(), result.training().history(), result.timings(), log.text());
        } catch (UncheckedIOException e) {
            String message = recordFailure(record, "the run finished but its results could not be written ("
                    + e.getMessage() + "); its metrics: " + result.metrics(), log);
            throw new RunFailedException(message, e);
        }
        return new Outcome(record.folder(), result);
    }

    /** Records the failure in the run folder if it can still be written; the message says if not. */
    private static String recordFailure(RunRecord record, String message, RunLog log) {
        try {
            record.fail(message, log.text());
            return message;
        } catch (UncheckedIOException e) {
            return message + "; the failure could not be recorded either: " + e.getMessage();
        }
    }

    /**
     * Every check a run makes before it starts work (assembly and preparation), without running or
     * writing anything.
     *
     * @return the prepared run (its problem, initial model and sampling), which is not run
     * @throws ConfigException if the configuration cannot run
     */
    public Experiment.Prepared check(RunConfig config) {
        return assemble(config).prepare();
    }

    /** Builds the run's injector and its experiment, creating every component. */
    public Experiment assemble(RunConfig config) {
        return assemble(config, progress);
    }

    private Experiment assemble(RunConfig config, ProgressListener listener) {
        try {
            return Guice.createInjector(new RunModule(config, workers, listener)).getInstance(Experiment.class);
        } catch (ProvisionException | CreationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw ce;
            }
            if (cause instanceof RunFailedException rf) {
                throw rf;
            }
            throw new RunFailedException("cannot assemble the run: "
                    + (cause == null ? e.getMessage() : cause.toString()), e);
        }
    }
}
