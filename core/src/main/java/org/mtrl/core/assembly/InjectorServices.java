package org.mtrl.core.assembly;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import org.mtrl.api.plugin.ComponentContext;

/** A component's view of the run's injector: what plugin modules bound, looked up by type. */
final class InjectorServices implements ComponentContext.Services {
    private final Injector injector;

    InjectorServices(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <T> T get(Class<T> type) {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException | ProvisionException e) {
            throw new IllegalArgumentException("no service of type " + type.getName()
                    + " can be provided: bind it in the plugin's module (Plugin.modules())", e);
        }
    }
}
