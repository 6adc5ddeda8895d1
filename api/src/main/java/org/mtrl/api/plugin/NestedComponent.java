package org.mtrl.api.plugin;

/**
 * The value of a parameter that is itself a component of another kind, configured with its own
 * {@code type} and parameters, for example a probe's {@code tasks: {type: relu-teacher, hidden: 8}}.
 * Declare the record component as {@code NestedComponent<TaskFamily>} (the kind follows from the type
 * argument) with a {@link Param} whose default is {@code null} (optional: the value is null when the
 * configuration leaves it out, and the factory decides what that means) or {@link Param#REQUIRED}.
 * The framework resolves and validates it like a top-level slot, with errors at the parameter's key
 * path, and shows it resolved in the run's configuration.
 *
 * @param <C> the component interface, one of {@link ComponentKind#ALL}'s types
 */
public interface NestedComponent<C> {

    /** The configured type, e.g. {@code relu-teacher}. */
    String type();

    /**
     * Creates the component. {@code context} is the enclosing component's; the component gets random
     * streams scoped under it by this parameter's key path.
     *
     * @throws IllegalArgumentException for an invalid combination of the nested parameters
     */
    C create(ComponentContext context);
}
