package org.mtrl.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.Map;
import org.mtrl.core.config.ConfigException;

/** The {@link CellRunnerProvider}s on a class path, by name. */
public final class CellRunners {
    /** The option that names the runner, as errors quote it. */
    public static final String OPTION = "--runner";
    /** The runner used when none is named. */
    public static final String DEFAULT = LocalCellRunner.NAME;

    private final Map<String, CellRunnerProvider> byName = new TreeMap<>();

    private CellRunners(ClassLoader loader) {
        for (CellRunnerProvider provider : ServiceLoader.load(CellRunnerProvider.class, loader)) {
            byName.putIfAbsent(provider.name(), provider);
        }
    }

    /** The runners {@code loader} can see. */
    public static CellRunners discover(ClassLoader loader) {
        return new CellRunners(loader);
    }

    /** The available names, sorted. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /**
     * The runner {@code name} made for {@code options}.
     *
     * @throws ConfigException naming the available runners if there is none of that name
     */
    public CellRunner create(String name, CellRunnerOptions options) {
        CellRunnerProvider provider = byName.get(name);
        if (provider == null) {
            throw new ConfigException(OPTION, "unknown runner '" + name + "'; available: "
                    + String.join(", ", names()) + " (another runner's jars must be on the class path: ./mtrl adds"
                    + " the spark runner's for --runner spark)");
        }
        return provider.create(options);
    }
}
