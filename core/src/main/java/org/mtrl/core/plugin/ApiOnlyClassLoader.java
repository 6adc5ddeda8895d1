package org.mtrl.core.plugin;

/**
 * The parent of every plugin jar's class loader: it exposes the JDK and mtrl's api, nothing else, so a
 * third-party plugin cannot see (or clash with) core's and other plugins' classes and libraries.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    private static final String API_PACKAGE = "org.mtrl.api.";

    private final ClassLoader application;

    ApiOnlyClassLoader(ClassLoader application) {
        super("mtrl-api-only", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
