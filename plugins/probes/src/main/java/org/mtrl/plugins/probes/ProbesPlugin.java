package org.mtrl.plugins.probes;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.Plugin;

/**
 * The probes of what pretraining learned: distance of W's top singular subspace to span(M), energy of
 * W outside span(M), coverage of the r directions, downstream accuracy of a linear head on frozen
 * features, and the pretraining fit.
 */
public final class ProbesPlugin implements Plugin {

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(SubspaceDistanceProbe.FACTORY, EnergyOutsideProbe.FACTORY, FeatureCoverageProbe.FACTORY,
                DownstreamLinearProbe.FACTORY, PretrainLossProbe.FACTORY);
    }
}
