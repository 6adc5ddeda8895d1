package org.mtrl.core.assembly;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.config.ComponentConfig;
import org.mtrl.core.config.RunConfig;
import org.mtrl.core.runtime.SeededRandomStreams;

/**
 * The bindings of one run, built from its resolved configuration: each slot bound to the component its
 * {@code type} names, plus the shared services. Swapping a component is a change of configuration, not
 * of code. Each component gets random streams scoped by its slot, so changing one component never
 * changes the randomness another one sees.
 */
public final class RunModule extends AbstractModule {
    private final RunConfig config;
    private final Workers workers;
    private final ProgressListener progress;

    public RunModule(RunConfig config, Workers workers, ProgressListener progress) {
        this.config = config;
        this.workers = workers;
        this.progress = progress;
    }

    @Override
    protected void configure() {
        bind(RunConfig.class).toInstance(config);
        bind(Workers.class).toInstance(workers);
        bind(ProgressListener.class).toInstance(progress);
        bind(RandomStreams.class).toInstance(new SeededRandomStreams(config.seed()));
    }

    @Provides
    @Singleton
    DataDistribution data(RandomStreams streams) {
        return create(config.data(), streams);
    }

    @Provides
    @Singleton
    TaskFamily tasks(RandomStreams streams) {
        return create(config.tasks(), streams);
    }

    @Provides
    @Singleton
    Architecture model(RandomStreams streams) {
        return create(config.model(), streams);
    }

    @Provides
    @Singleton
    Optimizer optimizer(RandomStreams streams) {
        return create(config.optimizer(), streams);
    }

    @Provides
    @Singleton
    List<NamedProbe> probes(RandomStreams streams) {
        List<NamedProbe> probes = new ArrayList<>();
        for (Map.Entry<String, ComponentConfig<Probe>> e : config.probes().entrySet()) {
            probes.add(new NamedProbe(e.getKey(), create(e.getValue(), streams), e.getValue().factory().describe()));
        }
        return List.copyOf(probes);
    }

    private <C> C create(ComponentConfig<C> slot, RandomStreams streams) {
        ComponentContext context = new ComponentContext(streams.scoped("component/" + slot.path()), workers);
        return Contracts.call(slot, "create()", () -> slot.create(context));
    }
}
