package org.mtrl.api.plugin;

import java.util.List;

/**
 * The service a plugin jar provides: list it in
 * {@code META-INF/services/org.mtrl.api.plugin.Plugin}. A plugin only names factories; the framework
 * picks one by the kind and type a configuration asks for.
 */
public interface Plugin {

    /** A short name for messages, e.g. {@code subspace-tasks}. */
    String name();

    /** The factories this plugin contributes. */
    List<ComponentFactory<?, ?>> factories();
}
