package org.mtrl.core.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.mtrl.api.plugin.Plugin;

/**
 * Finds plugins with {@link ServiceLoader}: on the class path, and in every jar of a plugins folder,
 * each jar in its own class loader whose parent exposes only the api. A jar that fails to load is
 * reported with its path and cause; the others still load.
 */
public final class PluginLoader {
    static final String SERVICE_FILE = "META-INF/services/" + Plugin.class.getName();

    private final List<LoadedPlugin> plugins = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    /** The plugins visible to {@code classLoader} (the default plugins, for the app). */
    public PluginLoader fromClassPath(ClassLoader classLoader) {
        load(ServiceLoader.load(Plugin.class, classLoader), "class path", true);
        return this;
    }

    /** The plugins of every {@code *.jar} directly in {@code directory}, in name order. */
    public PluginLoader fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            problems.add(new LoadProblem(directory.toString(), "plugins folder does not exist or is not a folder"));
            return this;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add(new LoadProblem(directory.toString(), "cannot list plugins folder: " + e.getMessage()));
            return this;
        }
        ClassLoader apiOnly = new ApiOnlyClassLoader(Plugin.class.getClassLoader());
        for (Path jar : jars) {
            fromJar(jar, apiOnly);
        }
        return this;
    }

    /** The plugins of one jar, in its own class loader (what {@code mtrl plugins --check} inspects). */
    public PluginLoader fromJar(Path jar) {
        fromJar(jar, new ApiOnlyClassLoader(Plugin.class.getClassLoader()));
        return this;
    }

    private void fromJar(Path jar, ClassLoader parent) {
        String origin = jar.toAbsolutePath().toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                problems.add(new LoadProblem(origin, "not a plugin: no " + SERVICE_FILE + " entry"));
                return;
            }
            Manifest manifest = file.getManifest();
            String declared = manifest == null ? null
                    : manifest.getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            String incompatible = SpiVersion.incompatibility(declared, SpiVersion.current());
            if (incompatible != null) {
                problems.add(new LoadProblem(origin, "refused: " + incompatible));
                return;
            }
        } catch (IOException e) {
            problems.add(new LoadProblem(origin, "cannot read jar: " + e.getMessage()));
            return;
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            problems.add(new LoadProblem(origin, "bad path: " + e.getMessage()));
            return;
        }
        // The loader stays open for the life of the process: the plugin's classes are in use.
        URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {url}, parent);
        int before = plugins.size();
        load(ServiceLoader.load(Plugin.class, loader), origin, false);
        if (plugins.size() == before && problems.stream().noneMatch(p -> p.origin().equals(origin))) {
            problems.add(new LoadProblem(origin, "the service file lists no plugin"));
        }
    }

    private void load(ServiceLoader<Plugin> loader, String fallbackOrigin, boolean locateOrigin) {
        Iterator<Plugin> it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                Plugin plugin = it.next();
                String origin = locateOrigin ? locate(plugin, fallbackOrigin) : fallbackOrigin;
                plugins.add(new LoadedPlugin(plugin, origin));
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new LoadProblem(fallbackOrigin, "cannot load plugin: " + rootMessage(e)));
                if (e instanceof ServiceConfigurationError && e.getCause() == null
                        && String.valueOf(e.getMessage()).contains("syntax")) {
                    return; // a malformed service file: the iterator cannot go on
                }
            }
        }
    }

    private static String locate(Plugin plugin, String fallback) {
        CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return fallback;
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return source.getLocation().toString();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(": ").append(t.getClass().getSimpleName()).append(' ').append(t.getMessage());
        }
        return sb.toString();
    }

    public List<LoadedPlugin> plugins() {
        return List.copyOf(plugins);
    }

    public List<LoadProblem> problems() {
        return List.copyOf(problems);
    }

    /** A registry of everything loaded so far. */
    public PluginRegistry registry() {
        return PluginRegistry.of(plugins, problems);
    }
}
