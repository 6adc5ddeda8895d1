package org.mtrl.api.plugin;

import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;

/**
 * Shared services handed to a factory when it creates a component. A factory passes what its
 * component needs to the component's constructor, so components never depend on the injector.
 *
 * @param streams  random streams private to this component (scoped by its slot)
 * @param workers  the run's worker threads
 * @param progress where long work reports progress
 * @param services what the plugins' own Guice modules bind (see {@link Plugin#modules()})
 */
public record ComponentContext(RandomStreams streams, Workers workers, ProgressListener progress,
                               Services services) {

    /** Services when no plugin module binds any: every lookup fails, naming the type. */
    public static final Services NO_SERVICES = new Services() {
        @Override
        public <T> T get(Class<T> type) {
            throw new IllegalArgumentException("no service of type " + type.getName()
                    + " is bound: no plugin module binds it");
        }
    };

    /** A context with no progress reporting and no plugin services (for tests and tools). */
    public ComponentContext(RandomStreams streams, Workers workers) {
        this(streams, workers, ProgressListener.NONE, NO_SERVICES);
    }

    /** Looks up an instance a plugin's Guice module bound, by its type. */
    public interface Services {

        /**
         * The instance bound to {@code type}.
         *
         * @throws IllegalArgumentException if nothing can provide it
         */
        <T> T get(Class<T> type);
    }
}
