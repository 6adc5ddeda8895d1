package org.mtrl.api.training;

import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;

/**
 * Where a run's {@link Gradients} come from: the run supplies it in the {@link TrainingContext}, and an
 * optimizer reaches it through {@link TrainingContext#gradients}. Core's implementation draws each
 * chunk of samples from the stream {@code (purpose, round, task, chunk)} of the context's streams.
 */
@FunctionalInterface
public interface GradientService {

    /** The gradients of {@code model} for a training run with {@code context}. */
    Gradients forModel(Model model, TrainingContext context);
}
