package org.mtrl.plugins.multitask;

import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.AlternatingParameters;

/** The paper's method on all T pretraining tasks. */
final class MultitaskAlternating implements Optimizer {
    private final AlternatingMethod method;

    MultitaskAlternating(AlternatingParameters parameters) {
        this.method = new AlternatingMethod(parameters.schedule());
    }

    @Override
    public TrainingResult train(Model model, TrainingContext context) {
        return method.train(model, context, AlternatingMethod.allTasks(context.problem().taskCount()));
    }
}
