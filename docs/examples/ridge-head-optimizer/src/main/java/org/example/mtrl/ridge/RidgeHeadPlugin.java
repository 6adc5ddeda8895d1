package org.example.mtrl.ridge;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.training.AlternatingMethod;

/** Contributes {@code ridge-alternating}: the alternating method whose head step is a closed-form ridge fit. */
public final class RidgeHeadPlugin implements Plugin {
    @Override
    public String name() {
        return "ridge-head";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ComponentFactory.of(ComponentKind.OPTIMIZER, "ridge-alternating",
                "the alternating method with each head fitted by ridge regression on fresh features",
                RidgeHeadStep.class, (step, context) -> (model, training) -> new AlternatingMethod(
                        step.method().schedule()).withHeadStep(step)
                        .train(model, training, AlternatingMethod.allTasks(training.problem().taskCount()))));
    }
}
