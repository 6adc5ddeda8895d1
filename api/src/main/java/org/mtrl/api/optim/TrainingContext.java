package org.mtrl.api.optim;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.training.DivergenceCheck;
import org.mtrl.api.training.GradientService;
import org.mtrl.api.training.Gradients;

/**
 * What an optimizer may use: the problem, random streams private to training, workers, progress, the
 * run's gradients and its divergence check. The training kit ({@code org.mtrl.api.training}) builds on
 * these; the built-in optimizers use nothing else.
 *
 * @param problem         the pretraining tasks and their samples
 * @param streams         random streams private to training
 * @param workers         the run's worker threads
 * @param progress        where training reports phases, rounds and work done
 * @param gradientService the run's gradients, reached through {@link #gradients}
 * @param divergence      the run's divergence check, to call after every round
 */
public record TrainingContext(Problem problem, RandomStreams streams, Workers workers, ProgressListener progress,
                              GradientService gradientService, DivergenceCheck divergence) {

    /** The run's gradients of {@code model} on fresh samples, for one {@code train} call. */
    public Gradients gradients(Model model) {
        return gradientService.forModel(model, this);
    }
}
