package org.mtrl.plugins.multitask;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.training.AlternatingParameters;

/** The paper's multi-task alternating gradient method, and the joint-update ablation. */
public final class MultitaskGradientPlugin implements Plugin {

    @Override
    public String name() {
        return "multitask-gradient";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(
                ComponentFactory.of(ComponentKind.OPTIMIZER, "multitask-alternating",
                        "the paper's method: per round, a head step per task, then one task-averaged representation step",
                        AlternatingParameters.class, (p, ctx) -> new MultitaskAlternating(p)),
                ComponentFactory.of(ComponentKind.OPTIMIZER, "joint-gradient",
                        "ablation: the same rounds, with the representation gradient taken before the head step",
                        JointGradient.Parameters.class, (p, ctx) -> new JointGradient(p)));
    }
}
