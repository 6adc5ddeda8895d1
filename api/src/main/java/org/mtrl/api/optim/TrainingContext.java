package org.mtrl.api.optim;

import org.mtrl.api.data.Problem;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.sampling.Sampling;

/**
 * What an optimizer may use: the problem, random streams private to training, workers, progress, and
 * the run's sampling (which the framework's gradient engine applies; an optimizer need not look at it).
 */
public record TrainingContext(Problem problem, RandomStreams streams, Workers workers, ProgressListener progress,
                              Sampling sampling) {

    /** A context with direct sampling. */
    public TrainingContext(Problem problem, RandomStreams streams, Workers workers, ProgressListener progress) {
        this(problem, streams, workers, progress, Sampling.direct(problem));
    }
}
