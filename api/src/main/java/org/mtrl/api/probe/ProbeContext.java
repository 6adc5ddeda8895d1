package org.mtrl.api.probe;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.api.tasks.TaskFamily;

/**
 * What a probe may read: the trained model, the problem it was trained on, the configured task family
 * (to draw fresh downstream tasks), the training result, streams private to this probe, workers, and
 * the run's sampling: a probe that draws fresh samples asks it for the model and sample source to use
 * ({@link Sampling#forModel}), so it follows the run's {@code sampling} setting.
 */
public record ProbeContext(Model model, Problem problem, TaskFamily taskFamily, TrainingResult training,
                           RandomStreams streams, Workers workers, Sampling sampling) {

    /** A context with direct sampling. */
    public ProbeContext(Model model, Problem problem, TaskFamily taskFamily, TrainingResult training,
                        RandomStreams streams, Workers workers) {
        this(model, problem, taskFamily, training, streams, workers, Sampling.direct(problem));
    }
}
