package org.mtrl.core.assembly;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.nio.file.Path;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.Workers;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.record.Provenance;
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
     * and records it in a new folder under {@code runsDir}.
     *
     * @throws ConfigException    if a component rejects its configuration; nothing is written
     * @throws RunFailedException if the run failed; its folder records the configuration and the error
     */
    public Outcome run(RunConfig config, Path runsDir) {
        Experiment experiment = assemble(config);
        Experiment.Prepared prepared = experiment.prepare();
        RunRecord record = RunRecord.start(runsDir, config, Provenance.now(workers.threads(), config.seed()));
        try {
            RunResult result = experiment.run(prepared);
            record.finish(result.metrics(), result.training().history(), result.timings());
            return new Outcome(record.folder(), result);
        } catch (RuntimeException e) {
            String message = e instanceof RunFailedException ? e.getMessage() : "run failed: " + e;
            record.fail(message);
            throw e instanceof RunFailedException rf ? rf : new RunFailedException(message, e);
        }
    }

    /**
     * Every check a run makes before it starts work (assembly and preparation), without running or
     * writing anything.
     *
     * @throws ConfigException if the configuration cannot run
     */
    public void check(RunConfig config) {
        assemble(config).prepare();
    }

    /** Builds the run's injector and its experiment, creating every component. */
    public Experiment assemble(RunConfig config) {
        try {
            return Guice.createInjector(new RunModule(config, workers, progress)).getInstance(Experiment.class);
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
