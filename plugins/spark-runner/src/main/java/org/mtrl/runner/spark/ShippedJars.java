package org.mtrl.runner.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.core.sweep.CellRunner;

/**
 * The jars a cluster's executors need beyond Spark: those holding mtrl's own classes (the app jar,
 * which has api, core and the default plugins in it; this runner's jar) and every jar of the plugins
 * folder. A class folder (a build's {@code target/classes}, as in tests) is packed into a temporary jar.
 */
final class ShippedJars {
    private ShippedJars() {
    }

    static List<Path> of(Path pluginsDir) {
        Set<Path> sources = new LinkedHashSet<>();
        sources.add(origin(Plugin.class));
        sources.add(origin(CellRunner.class));
        sources.add(origin(ShippedJars.class));
        for (ServiceLoader.Provider<Plugin> plugin : ServiceLoader.load(Plugin.class, ShippedJars.class.getClassLoader())
                .stream().toList()) {
            sources.add(origin(plugin.type()));
        }
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            try (Stream<Path> jars = Files.list(pluginsDir)) {
                jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach(p -> sources.add(p.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the plugins folder " + pluginsDir, e);
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path source : sources) {
            jars.add(Files.isDirectory(source) ? packed(source) : source);
        }
        return jars;
    }

    private static Path origin(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell which jar holds " + type.getName(), e);
        }
    }

    private static Path packed(Path classes) {
        try {
            Path jar = Files.createTempFile("mtrl-classes-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> paths = Files.walk(classes)) {
                for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + classes + " into a jar to ship", e);
        }
    }
}
