package org.mtrl.core.plugin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.core.config.ParameterBinder;
import org.mtrl.core.config.ParameterInfo;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.testkit.check.ContractCheck;

/**
 * Validates a plugin jar before it is used: the service entry is present and loads, the SPI version
 * matches, type names are well formed and clash with no installed plugin, and every parameter is
 * described. Then each component, created from its defaults, must pass the test kit's contract checks
 * of its kind and run twice to the same metrics in a tiny experiment beside installed components.
 */
public final class PluginCheck {

    /** How a finding counts. */
    public enum Level { OK, NOTE, ERROR }

    /** One line of the report: a check passed, something worth knowing, or a problem. */
    public record Finding(Level level, String text) {
    }

    /** The findings in the order they were made, component by component. */
    public record Report(List<Finding> findings) {

        public boolean ok() {
            return errors().isEmpty();
        }

        public List<String> errors() {
            return findings.stream().filter(f -> f.level() == Level.ERROR).map(Finding::text).toList();
        }
    }

    private final List<Finding> findings = new ArrayList<>();

    private PluginCheck() {
    }

    /**
     * Checks {@code jar} against the plugins already installed in {@code installed}; the tiny experiment
     * layers the component on {@code baseline} (configuration layers of a tiny run on installed types).
     */
    public static Report check(Path jar, PluginRegistry installed, List<ObjectNode> baseline) {
        PluginCheck check = new PluginCheck();
        check.run(jar, installed, baseline);
        return new Report(List.copyOf(check.findings));
    }

    private void run(Path jar, PluginRegistry installed, List<ObjectNode> baseline) {
        String origin = jar.toAbsolutePath().toString();
        PluginLoader loader = new PluginLoader().fromJar(jar);
        loader.problems().forEach(p -> add(Level.ERROR, p.message()));
        if (loader.plugins().isEmpty()) {
            return;
        }
        declaredSpiVersion(jar);

        List<LoadedPlugin> all = new ArrayList<>(installed.plugins());
        all.addAll(loader.plugins());
        PluginRegistry combined = PluginRegistry.of(all, List.of());
        for (LoadProblem problem : combined.problems()) {
            if (problem.origin().equals(origin) || problem.message().contains(origin)) {
                add(Level.ERROR, problem.message());
            }
        }
        CheckExperiment experiment = new CheckExperiment(combined, baseline);
        for (RegisteredFactory<?> factory : combined.all()) {
            if (factory.origin().equals(origin) && combined.conflicting(factory.kind(), factory.type()).isEmpty()) {
                checkFactory(factory.factory(), experiment);
            }
        }
    }

    private void add(Level level, String text) {
        findings.add(new Finding(level, text));
    }

    private void declaredSpiVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String declared = manifest == null ? null
                    : manifest.getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            if (declared == null) {
                add(Level.NOTE, "the manifest declares no " + SpiVersion.MANIFEST_ATTRIBUTE
                        + ": SPI compatibility cannot be checked at load time");
            }
        } catch (IOException e) {
            add(Level.NOTE, "cannot read the manifest: " + e.getMessage());
        }
    }

    private void checkFactory(ComponentFactory<?, ?> factory, CheckExperiment experiment) {
        String name = factory.kind().name() + "/" + factory.type();
        boolean required = false;
        for (ParameterInfo p : ParameterBinder.describe(factory.parameters())) {
            if (p.description() == null || p.description().isBlank()) {
                add(Level.ERROR, name + ": parameter '" + p.name() + "' has no description");
            }
            required |= p.required();
        }
        if (required) {
            add(Level.NOTE, name + ": has required parameters, so it was neither created from defaults nor run");
            return;
        }
        try (PoolWorkers workers = new PoolWorkers(1)) {
            Record defaults = ParameterBinder.bind(factory.parameters(), JsonNodeFactory.instance.objectNode(), name);
            Supplier<Object> create = () -> create(factory, defaults,
                    new ComponentContext(new SeededRandomStreams(1).scoped("check"), workers));
            if (create.get() == null) {
                add(Level.ERROR, name + ": the factory returned null from its defaults");
                return;
            }
            String type = factory.kind().type().getSimpleName();
            add(Level.OK, name + ": creates " + ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type
                    + " from its defaults");
            for (ContractCheck check : ContractChecks.of(factory.kind(), create)) {
                ContractCheck.Outcome outcome = check.run();
                add(outcome.passed() ? Level.OK : Level.ERROR,
                        name + ": " + check.name() + (outcome.passed() ? "" : ": " + outcome.reason()));
            }
        } catch (RuntimeException | LinkageError e) {
            add(Level.ERROR, name + ": cannot create from its defaults: " + PluginLoader.rootMessage(e));
            return;
        }
        runTiny(name, factory, experiment);
    }

    private void runTiny(String name, ComponentFactory<?, ?> factory, CheckExperiment experiment) {
        String what = name + ": runs a tiny experiment twice to the same metrics";
        try {
            Map<String, Double> metrics = experiment.runTwice(factory.kind(), factory.type());
            add(Level.OK, what + " (" + metrics.size() + " metrics)");
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            add(Level.ERROR, what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Object create(ComponentFactory<P, ?> factory, Record parameters,
                                                    ComponentContext context) {
        return factory.create((P) parameters, context);
    }
}
