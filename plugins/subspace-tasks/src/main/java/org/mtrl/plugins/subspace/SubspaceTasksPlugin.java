package org.mtrl.plugins.subspace;

import java.util.ArrayList;
import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.Plugin;

/**
 * The paper's data and tasks: Gaussian inputs with a hidden rank-r subspace, and task families whose
 * labels depend on x only through z = M^T x.
 */
public final class SubspaceTasksPlugin implements Plugin {

    @Override
    public String name() {
        return "subspace-tasks";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        List<ComponentFactory<?, ?>> factories = new ArrayList<>();
        factories.add(GaussianDistribution.FACTORY);
        factories.addAll(TaskFamilies.ALL);
        return List.copyOf(factories);
    }
}
