package org.mtrl.plugins.baselines;

import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.training.AlternatingMethod;

/**
 * A baseline whose first layer is fixed before the heads train on every task: left at its random
 * initialisation (random features), or with its rows projected onto span(M) (the oracle).
 */
final class FixedRepresentation implements Optimizer {
    private final HeadTraining parameters;
    private final boolean projectOntoTruth;

    FixedRepresentation(HeadTraining parameters, boolean projectOntoTruth) {
        this.parameters = parameters;
        this.projectOntoTruth = projectOntoTruth;
    }

    @Override
    public TrainingResult train(Model model, TrainingContext context) {
        if (projectOntoTruth) {
            OracleProjection.project(model, context.problem().groundTruth());
        }
        return new AlternatingMethod(parameters.schedule())
                .train(model, context, AlternatingMethod.allTasks(context.problem().taskCount()));
    }
}
