package org.mtrl.plugins.relu;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Plugin;

/**
 * Contributes the {@code two-layer-relu} architecture: a shared ReLU layer with one linear head per task.
 * Loading it starts the kernels' JIT warm-up ({@link KernelWarmUp}) on a daemon thread, while the
 * registry loads and the run is configured.
 */
public final class TwoLayerReluPlugin implements Plugin {

    /** The architecture's type name in configuration. */
    public static final String TYPE = "two-layer-relu";

    public TwoLayerReluPlugin() {
        KernelWarmUp.startOnce();
    }

    @Override
    public String name() {
        return "two-layer-relu";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ComponentFactory.of(ComponentKind.MODEL, TYPE,
                "Two-layer ReLU network f_t(x) = sum_j a_tj relu(<w_j, x> + b_j) with shared W, b and one head per task",
                TwoLayerReluParams.class, (params, context) -> new TwoLayerReluArchitecture(params)));
    }
}
