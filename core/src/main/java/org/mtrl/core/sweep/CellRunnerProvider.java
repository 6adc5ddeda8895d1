package org.mtrl.core.sweep;

/**
 * A kind of {@link CellRunner}, chosen by name ({@code mtrl sweep --runner NAME}) and found by
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.mtrl.core.sweep.CellRunnerProvider}).
 */
public interface CellRunnerProvider {

    /** The name {@code --runner} selects, e.g. {@code local}. */
    String name();

    /** One line on where cells run. */
    String description();

    /**
     * A runner for these options.
     *
     * @throws org.mtrl.core.config.ConfigException if an option does not fit this runner
     */
    CellRunner create(CellRunnerOptions options);
}
