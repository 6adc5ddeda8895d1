package org.mtrl.api.optim;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;

/**
 * A pretraining procedure (the design card's "optimizer"): the paper's alternating method, or a
 * baseline. It updates the model in place.
 */
public interface Optimizer {

    TrainingResult train(Model model, TrainingContext context);

    /**
     * Checks, before any work, that this optimizer's configuration fits the drawn problem (e.g. a
     * task index below the number of tasks). The default accepts every problem.
     *
     * @throws IllegalArgumentException saying what does not fit; the run reports it as a
     *                                  configuration error of the {@code optimizer} slot
     */
    default void check(Problem problem) {
    }
}
