package org.mtrl.core.plugin;

import com.google.inject.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.ParamGroup;
import org.mtrl.core.config.ParameterBinder;

/**
 * Every factory the discovered plugins contribute, by kind and type name. Malformed factories and
 * names claimed twice are recorded as {@link LoadProblem}s; a name claimed twice stays listed as a
 * conflict, so a configuration that asks for it fails naming both origins.
 */
public final class PluginRegistry {
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<ComponentKind<?>, Map<String, RegisteredFactory<?>>> factories = new LinkedHashMap<>();
    private final Map<String, List<RegisteredFactory<?>>> conflicts = new TreeMap<>();
    private final List<LoadProblem> problems;
    private final List<LoadedPlugin> plugins;

    private PluginRegistry(List<LoadedPlugin> plugins, List<LoadProblem> loadProblems) {
        this.plugins = List.copyOf(plugins);
        this.problems = new ArrayList<>(loadProblems);
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            factories.put(kind, new TreeMap<>());
        }
        for (LoadedPlugin loaded : plugins) {
            register(loaded);
        }
    }

    /** A registry of the given plugins (problems from loading are carried along). */
    public static PluginRegistry of(List<LoadedPlugin> plugins, List<LoadProblem> problems) {
        return new PluginRegistry(plugins, problems);
    }

    /**
     * The plugins on the class path plus those in {@code pluginsDir}, if it is given and exists.
     */
    public static PluginRegistry discover(ClassLoader classPath, Path pluginsDir, boolean dirRequired) {
        PluginLoader loader = new PluginLoader().fromClassPath(classPath);
        if (pluginsDir != null && (dirRequired || Files.isDirectory(pluginsDir))) {
            loader.fromDirectory(pluginsDir);
        }
        return loader.registry();
    }

    private void register(LoadedPlugin loaded) {
        List<ComponentFactory<?, ?>> list;
        String pluginName;
        try {
            pluginName = loaded.plugin().name();
            list = loaded.plugin().factories();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new LoadProblem(loaded.origin(), "plugin " + loaded.plugin().getClass().getName()
                    + " failed to list its factories: " + PluginLoader.rootMessage(e)));
            return;
        }
        List<Module> modules = new ArrayList<>();
        try {
            for (Object module : loaded.plugin().modules()) {
                if (!(module instanceof Module guiceModule)) {
                    problems.add(new LoadProblem(loaded.origin(), "plugin '" + pluginName + "': modules() returned "
                            + (module == null ? "null" : "a " + module.getClass().getName())
                            + ", not a com.google.inject.Module; the plugin is not loaded"));
                    return;
                }
                modules.add(guiceModule);
            }
        } catch (RuntimeException | LinkageError e) {
            problems.add(new LoadProblem(loaded.origin(), "plugin '" + pluginName + "' failed to list its modules: "
                    + PluginLoader.rootMessage(e)));
            return;
        }
        for (ComponentFactory<?, ?> factory : list) {
            String invalid = validate(factory);
            if (invalid != null) {
                problems.add(new LoadProblem(loaded.origin(), "plugin '" + pluginName + "': " + invalid));
                continue;
            }
            RegisteredFactory<?> entry = new RegisteredFactory<>(factory, pluginName, loaded.origin(), modules);
            Map<String, RegisteredFactory<?>> byType = factories.get(factory.kind());
            RegisteredFactory<?> existing = byType.get(factory.type());
            String key = factory.kind().name() + "/" + factory.type();
            if (existing != null) {
                conflicts.computeIfAbsent(key, k -> new ArrayList<>(List.of(existing))).add(entry);
                problems.add(new LoadProblem(loaded.origin(), "duplicate " + key + ": " + existing.describe()
                        + " and " + entry.describe()));
            } else {
                byType.put(factory.type(), entry);
            }
        }
    }

    private static String validate(ComponentFactory<?, ?> factory) {
        if (factory == null || factory.kind() == null || factory.type() == null) {
            return "a factory without kind or type";
        }
        String name = factory.kind().name() + "/" + factory.type();
        if (!TYPE_NAME.matcher(factory.type()).matches()) {
            return name + ": type name must be lower-case words joined by '-' (like linear-threshold)";
        }
        if (factory.description() == null || factory.description().isBlank()) {
            return name + ": no description";
        }
        Class<?> parameters = factory.parameters();
        if (parameters == null || !parameters.isRecord()) {
            return name + ": parameters must be a record class";
        }
        for (var component : parameters.getRecordComponents()) {
            if (component.getAnnotation(Param.class) == null && component.getAnnotation(ParamGroup.class) == null) {
                return name + ": parameter '" + component.getName() + "' has no @Param annotation";
            }
        }
        try {
            // Unsupported parameter types and defaults that do not bind are plugin defects: report them now.
            ParameterBinder.describe(parameters.asSubclass(Record.class));
            ParameterBinder.defaults(parameters.asSubclass(Record.class));
        } catch (RuntimeException e) {
            return name + ": invalid parameters: " + e.getMessage();
        }
        return null;
    }

    /** The factory for {@code kind} and {@code type}, if exactly one plugin provides it. */
    @SuppressWarnings("unchecked")
    public <C> Optional<RegisteredFactory<C>> find(ComponentKind<C> kind, String type) {
        return Optional.ofNullable((RegisteredFactory<C>) factories.get(kind).get(type));
    }

    /** The factories that claim the same kind and type, when more than one does; otherwise empty. */
    public List<RegisteredFactory<?>> conflicting(ComponentKind<?> kind, String type) {
        return conflicts.getOrDefault(kind.name() + "/" + type, List.of());
    }

    /** The type names of {@code kind}, sorted. */
    public List<String> types(ComponentKind<?> kind) {
        return List.copyOf(factories.get(kind).keySet());
    }

    /** Every registered factory, by kind then type. */
    public List<RegisteredFactory<?>> all() {
        List<RegisteredFactory<?>> all = new ArrayList<>();
        factories.values().forEach(m -> all.addAll(m.values()));
        return Collections.unmodifiableList(all);
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    /** What went wrong while loading; empty when all is well. */
    public List<LoadProblem> problems() {
        return List.copyOf(problems);
    }
}
