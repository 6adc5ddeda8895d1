package org.mtrl.api.plugin;

import java.util.List;

/**
 * The service a plugin jar provides: list it in
 * {@code META-INF/services/org.mtrl.api.plugin.Plugin}. A plugin only names factories; the framework
 * picks one by the kind and type a configuration asks for.
 */
public interface Plugin {

    /** A short name for messages, e.g. {@code subspace-tasks}. */
    String name();

    /** The factories this plugin contributes. */
    List<ComponentFactory<?, ?>> factories();

    /**
     * Guice modules ({@code com.google.inject.Module} instances) installed into the injector of every
     * run that uses one of this plugin's components, for a plugin that needs more than the shared
     * services: its components look up what the modules bind with
     * {@link ComponentContext#services()}. Typed {@code Object} so that the api stays free of Guice;
     * mtrl provides Guice 7 to plugin jars that use this. Most plugins need none.
     *
     * @return the modules, none by default
     */
    default List<?> modules() {
        return List.of();
    }
}
