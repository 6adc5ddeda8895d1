package org.mtrl.api.plugin;

import java.util.List;
import java.util.Objects;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.tasks.TaskFamily;

/**
 * A kind of component: a name used in configuration and the interface its instances implement.
 *
 * @param <C> the component interface
 */
public final class ComponentKind<C> {

    public static final ComponentKind<DataDistribution> DATA = new ComponentKind<>("data", DataDistribution.class);
    public static final ComponentKind<TaskFamily> TASKS = new ComponentKind<>("tasks", TaskFamily.class);
    public static final ComponentKind<Architecture> MODEL = new ComponentKind<>("model", Architecture.class);
    public static final ComponentKind<Optimizer> OPTIMIZER = new ComponentKind<>("optimizer", Optimizer.class);
    public static final ComponentKind<Probe> PROBE = new ComponentKind<>("probe", Probe.class);

    /** Every kind a run is assembled from, in the order they are built. */
    public static final List<ComponentKind<?>> ALL = List.of(DATA, TASKS, MODEL, OPTIMIZER, PROBE);

    private final String name;
    private final Class<C> type;

    private ComponentKind(String name, Class<C> type) {
        this.name = name;
        this.type = type;
    }

    /** The kind's name, e.g. {@code tasks}. */
    public String name() {
        return name;
    }

    /** The interface components of this kind implement. */
    public Class<C> type() {
        return type;
    }

    /** The kind with this name, or {@code null}. */
    public static ComponentKind<?> byName(String name) {
        for (ComponentKind<?> kind : ALL) {
            if (kind.name.equals(name)) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentKind<?> other && name.equals(other.name) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type);
    }

    @Override
    public String toString() {
        return name;
    }
}
