package org.mtrl.core.assembly;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
        pluginModules().forEach(this::install);
    }

    /** The Guice modules of the plugins whose components this run uses, each once. */
    private Set<Module> pluginModules() {
        Set<Module> modules = new LinkedHashSet<>();
        Stream.concat(Stream.of(config.data(), config.tasks(), config.model(), config.optimizer()),
                        config.probes().values().stream())
                .forEach(slot -> modules.addAll(slot.factory().pluginModules()));
        return modules;
    }

    @Provides
    @Singleton
    DataDistribution data(RandomStreams streams, Injector injector) {
        return create(config.data(), streams, injector);
    }

    @Provides
    @Singleton
    TaskFamily tasks(RandomStreams streams, Injector injector) {
        return new CheckedTaskFamily(config.tasks(), create(config.tasks(), streams, injector));
    }

    @Provides
    @Singleton
    Architecture model(RandomStreams streams, Injector injector) {
        return create(config.model(), streams, injector);
    }

    @Provides
    @Singleton
    Optimizer optimizer(RandomStreams streams, Injector injector) {
        return create(config.optimizer(), streams, injector);
    }

    @Provides
    @Singleton
    List<NamedProbe> probes(RandomStreams streams, Injector injector) {
        List<NamedProbe> probes = new ArrayList<>();
        for (Map.Entry<String, ComponentConfig<Probe>> e : config.probes().entrySet()) {
            probes.add(new NamedProbe(e.getKey(), create(e.getValue(), streams, injector), e.getValue().factory().describe()));
        }
        return List.copyOf(probes);
    }

    private <C> C create(ComponentConfig<C> slot, RandomStreams streams, Injector injector) {
        ComponentContext context = new ComponentContext(streams.scoped("component/" + slot.path()), workers, progress,
                new InjectorServices(injector));
        return Contracts.call(slot, "create()", () -> slot.create(context));
    }
}
