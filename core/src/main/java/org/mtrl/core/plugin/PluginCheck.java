package org.mtrl.core.plugin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.core.config.ParameterBinder;
import org.mtrl.core.config.ParameterInfo;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

/**
 * Validates a plugin jar before it is used: the service entry is present and loads, the SPI version
 * matches, type names are well formed and clash with no installed plugin, every parameter is
 * described, and every factory creates its component from its defaults.
 */
public final class PluginCheck {

    /** The outcome: what is wrong ({@code errors}), what is worth knowing ({@code notes}), what passed. */
    public record Report(List<String> errors, List<String> notes, List<String> passed) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private PluginCheck() {
    }

    /** Checks {@code jar} against the plugins already installed in {@code installed}. */
    public static Report check(Path jar, PluginRegistry installed) {
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        String origin = jar.toAbsolutePath().toString();

        PluginLoader loader = new PluginLoader().fromJar(jar);
        loader.problems().forEach(p -> errors.add(p.message()));
        if (loader.plugins().isEmpty()) {
            return new Report(errors, notes, passed);
        }
        declaredSpiVersion(jar, notes);

        List<LoadedPlugin> all = new ArrayList<>(installed.plugins());
        all.addAll(loader.plugins());
        PluginRegistry combined = PluginRegistry.of(all, List.of());
        for (LoadProblem problem : combined.problems()) {
            if (problem.origin().equals(origin) || problem.message().contains(origin)) {
                errors.add(problem.message());
            }
        }
        for (RegisteredFactory<?> factory : combined.all()) {
            if (factory.origin().equals(origin) && combined.conflicting(factory.kind(), factory.type()).isEmpty()) {
                checkFactory(factory.factory(), errors, notes, passed);
            }
        }
        return new Report(errors, notes, passed);
    }

    private static void declaredSpiVersion(Path jar, List<String> notes) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String declared = manifest == null ? null
                    : manifest.getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            if (declared == null) {
                notes.add("the manifest declares no " + SpiVersion.MANIFEST_ATTRIBUTE
                        + ": SPI compatibility cannot be checked at load time");
            }
        } catch (IOException e) {
            notes.add("cannot read the manifest: " + e.getMessage());
        }
    }

    private static void checkFactory(ComponentFactory<?, ?> factory, List<String> errors, List<String> notes,
                                     List<String> passed) {
        String name = factory.kind().name() + "/" + factory.type();
        boolean required = false;
        for (ParameterInfo p : ParameterBinder.describe(factory.parameters())) {
            if (p.description() == null || p.description().isBlank()) {
                errors.add(name + ": parameter '" + p.name() + "' has no description");
            }
            required |= p.required();
        }
        if (required) {
            notes.add(name + ": has required parameters, so it was not created from defaults");
            return;
        }
        try (PoolWorkers workers = new PoolWorkers(1)) {
            Record defaults = ParameterBinder.bind(factory.parameters(), JsonNodeFactory.instance.objectNode(), name);
            Object component = create(factory, defaults,
                    new ComponentContext(new SeededRandomStreams(1).scoped("check"), workers));
            if (component == null) {
                errors.add(name + ": the factory returned null from its defaults");
            } else {
                passed.add(name + ": creates a " + factory.kind().type().getSimpleName() + " from its defaults");
            }
        } catch (RuntimeException | LinkageError e) {
            errors.add(name + ": cannot create from its defaults: " + PluginLoader.rootMessage(e));
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Object create(ComponentFactory<P, ?> factory, Record parameters,
                                                    ComponentContext context) {
        return factory.create((P) parameters, context);
    }
}
