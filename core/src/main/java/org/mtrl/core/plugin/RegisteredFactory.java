package org.mtrl.core.plugin;

import com.google.inject.Module;
import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;

/**
 * A factory as the registry knows it: with the plugin that contributed it and where that came from.
 *
 * @param origin        the jar path, or the class path entry, the plugin was loaded from
 * @param pluginModules the Guice modules of that plugin, installed into every run that uses the factory
 */
public record RegisteredFactory<C>(ComponentFactory<?, C> factory, String pluginName, String origin,
                                   List<Module> pluginModules) {

    public RegisteredFactory {
        pluginModules = List.copyOf(pluginModules);
    }

    public ComponentKind<C> kind() {
        return factory.kind();
    }

    public String type() {
        return factory.type();
    }

    /** {@code kind/type from plugin (origin)}, for messages. */
    public String describe() {
        return kind().name() + "/" + type() + " from plugin '" + pluginName + "' (" + origin + ")";
    }
}
