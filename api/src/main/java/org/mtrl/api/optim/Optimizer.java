package org.mtrl.api.optim;

import org.mtrl.api.model.Model;

/**
 * A pretraining procedure (the design card's "optimizer"): the paper's alternating method, or a
 * baseline. It updates the model in place.
 */
public interface Optimizer {

    TrainingResult train(Model model, TrainingContext context);
}
