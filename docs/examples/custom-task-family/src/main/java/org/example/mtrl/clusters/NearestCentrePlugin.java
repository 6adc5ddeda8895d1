package org.example.mtrl.clusters;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;

/** Contributes the task family {@code nearest-centre}: labels by the nearest of k random centres in z-space. */
public final class NearestCentrePlugin implements Plugin {

    /** The family's parameters; every component is described by {@code @Param}. */
    public record Params(
            @Param(value = "number T of pretraining tasks", defaultValue = "50", min = 1)
            int count,
            @Param(value = "number k of centres drawn per task (half labelled +1, half -1)", defaultValue = "4", min = 2)
            int centres,
            @Param(value = "standard deviation of the centres around the origin of z-space", defaultValue = "1",
                    min = 0, minExclusive = true)
            double spread) {
    }

    @Override
    public String name() {
        return "nearest-centre-tasks";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ComponentFactory.of(ComponentKind.TASKS, "nearest-centre",
                "y = the label of the nearest of k random centres in z-space (a cluster labelling)",
                Params.class, (params, context) -> new NearestCentreFamily(params)));
    }
}
