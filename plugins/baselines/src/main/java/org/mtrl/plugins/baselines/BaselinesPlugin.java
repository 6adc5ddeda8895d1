package org.mtrl.plugins.baselines;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Plugin;

/** The baselines the paper's method is compared with. */
public final class BaselinesPlugin implements Plugin {

    @Override
    public String name() {
        return "baselines";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(
                ComponentFactory.of(ComponentKind.OPTIMIZER, "single-task",
                        "the alternating method on one task with the multi-task run's total sample budget",
                        SingleTask.Parameters.class, (p, ctx) -> new SingleTask(p)),
                ComponentFactory.of(ComponentKind.OPTIMIZER, "random-features",
                        "W stays at its random initialisation; only the heads train",
                        HeadTraining.class, (p, ctx) -> new FixedRepresentation(p, false)),
                ComponentFactory.of(ComponentKind.OPTIMIZER, "oracle-subspace",
                        "W's rows projected onto the true span(M), then frozen; only the heads train",
                        HeadTraining.class, (p, ctx) -> new FixedRepresentation(p, true)));
    }
}
