package org.mtrl.core.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plugin jars during a test: compiles sources against the class path, then packs them. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (class name to source text) and writes a jar with them and the given
     * extra entries (e.g. a service file).
     */
    public static Path build(Path dir, String jarName, Map<String, String> sources, Map<String, String> entries)
            throws IOException {
        return build(dir, jarName, sources, entries, Map.of());
    }

    /** As {@link #build(Path, String, Map, Map)}, with main attributes for the jar's manifest. */
    public static Path build(Path dir, String jarName, Map<String, String> sources, Map<String, String> entries,
                             Map<String, String> manifestAttributes) throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (!sources.isEmpty() && compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("test plugin did not compile");
        }
        Path jar = dir.resolve(jarName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestAttributes.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Source of a plugin class {@code pkg.Name} with one probe factory of type {@code type}. */
    public static String probePlugin(String pkg, String className, String type) {
        return """
                package %s;

                import java.util.List;
                import org.mtrl.api.plugin.*;
                import org.mtrl.api.probe.*;

                public final class %s implements Plugin {
                    public record Parameters(@Param(value = "a level", defaultValue = "2") int level) { }

                    public String name() { return "%s"; }

                    public List<ComponentFactory<?, ?>> factories() {
                        return List.of(ComponentFactory.of(ComponentKind.PROBE, "%s", "a probe from a jar",
                                Parameters.class, (p, ctx) -> (Probe) c -> List.of(new Metric("level", p.level()))));
                    }
                }
                """.formatted(pkg, className, className, type);
    }

    /** The sources and resources of a Maven project's {@code src/main}, as {@link #build} takes them. */
    public static Map<String, String>[] readSourceTree(Path srcMain) throws IOException {
        Map<String, String> sources = new java.util.TreeMap<>();
        Map<String, String> resources = new java.util.TreeMap<>();
        Path java = srcMain.resolve("java");
        Path res = srcMain.resolve("resources");
        try (var files = Files.walk(java)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = java.relativize(f).toString().replace('\\', '/').replace('/', '.');
                sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(f));
            }
        }
        if (Files.isDirectory(res)) {
            try (var files = Files.walk(res)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    resources.put(res.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String>[] both = new Map[] {sources, resources};
        return both;
    }

    public static void writeJunk(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
        }
    }
}
