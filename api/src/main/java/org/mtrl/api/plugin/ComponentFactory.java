package org.mtrl.api.plugin;

import java.util.Objects;

/**
 * Creates one type of component from its parameters. The configuration names the factory by kind and
 * type ({@code tasks: {type: parity, order: 2}}); the framework binds the other keys to the factory's
 * parameters record and calls {@link #create}.
 *
 * @param <P> the parameters record, each component annotated with {@link Param}
 * @param <C> the component interface
 */
public interface ComponentFactory<P extends Record, C> {

    ComponentKind<C> kind();

    /** The type name used in configuration: lower case words joined by '-', e.g. {@code linear-threshold}. */
    String type();

    /** One line saying what the component is. */
    String description();

    Class<P> parameters();

    /** Creates the component; may throw {@link IllegalArgumentException} for invalid combinations. */
    C create(P parameters, ComponentContext context);

    /** How a factory made with {@link #of} creates its component. */
    @FunctionalInterface
    interface Creator<P, C> {
        C create(P parameters, ComponentContext context);
    }

    /** A factory from its parts, so that plugins need no class per factory. */
    static <P extends Record, C> ComponentFactory<P, C> of(ComponentKind<C> kind, String type, String description,
                                                          Class<P> parameters, Creator<P, C> creator) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(creator, "creator");
        return new ComponentFactory<>() {
            @Override
            public ComponentKind<C> kind() {
                return kind;
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Class<P> parameters() {
                return parameters;
            }

            @Override
            public C create(P p, ComponentContext context) {
                return creator.create(p, context);
            }

            @Override
            public String toString() {
                return kind.name() + "/" + type;
            }
        };
    }
}
