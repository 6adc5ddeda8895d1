package org.mtrl.core.plugin;

import java.util.List;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.plugin.Plugin;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;

/** A plugin on the test class path (listed in the test resources' service file). */
public final class ClassPathTestPlugin implements Plugin {

    /** Parameters of the test probe. */
    public record ConstantParameters(@Param(value = "the value reported", defaultValue = "1") double value) {
    }

    @Override
    public String name() {
        return "class-path-test";
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ComponentFactory.of(ComponentKind.PROBE, "constant", "reports a constant",
                ConstantParameters.class, (p, ctx) -> (Probe) c -> List.of(new Metric("value", p.value()))));
    }
}
