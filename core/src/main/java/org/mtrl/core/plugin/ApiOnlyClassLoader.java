package org.mtrl.core.plugin;

import java.util.List;

/**
 * The parent of every plugin jar's class loader: it exposes the JDK, mtrl's api and Guice's public
 * packages (for plugins that contribute modules, {@code Plugin.modules()}), nothing else, so a
 * third-party plugin cannot see (or clash with) core's and other plugins' classes and libraries.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    private static final List<String> SHARED_PACKAGES = List.of("org.mtrl.api.", "com.google.inject.",
            "jakarta.inject.");

    private final ClassLoader application;

    ApiOnlyClassLoader(ClassLoader application) {
        super("mtrl-api-only", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED_PACKAGES.stream().anyMatch(name::startsWith)) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
