package org.mtrl.api.sampling;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;

/**
 * How the run feeds samples of its problem to a model: as drawn (direct), or projected on the span of
 * the model's first-layer rows and the ground truth, exact in distribution (see docs/math.md). The
 * run's {@code sampling} setting chooses; optimizers reach it through the training engine and probes
 * through their context, so a component never needs to know which one is in use.
 */
@FunctionalInterface
public interface Sampling {

    /**
     * The model and sample source to use for fresh samples of the problem's tasks, for the model's
     * parameters as they are now (a snapshot: ask again after the first layer changes).
     */
    ModelSamples forModel(Model model);

    /** Direct sampling: the model itself and the problem's own samples. */
    static Sampling direct(Problem problem) {
        return model -> new ModelSamples(model, problem.samples(), problem.groundTruth(), null);
    }
}
