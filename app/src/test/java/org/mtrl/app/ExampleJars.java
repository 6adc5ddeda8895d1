package org.mtrl.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mtrl.core.plugin.PluginJars;
import org.mtrl.core.plugin.SpiVersion;

/** An example project of docs/examples, compiled from its sources and packaged as a plugin jar. */
final class ExampleJars {
    private ExampleJars() {
    }

    /** Packages docs/examples/{@code example} as {@code dir/plugins/jarName} (creating that plugins folder). */
    static Path packageExample(Path dir, String example, String jarName) throws Exception {
        Files.createDirectory(dir.resolve("plugins"));
        Map<String, String>[] tree = PluginJars.readSourceTree(Path.of("../docs/examples", example, "src/main"));
        return PluginJars.build(dir, "plugins/" + jarName, tree[0], tree[1],
                Map.of(SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.current()));
    }
}
