package org.mtrl.core.plugin;

import org.mtrl.api.plugin.Plugin;

/** A plugin instance and where it was loaded from. */
public record LoadedPlugin(Plugin plugin, String origin) {
}
