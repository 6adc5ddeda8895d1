package org.mtrl.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.tasks.TaskFamily;

/**
 * A fully resolved, validated configuration of one run.
 *
 * @param seed   the run seed every random stream derives from
 * @param divergenceGrowth how many times its start a training loss or weight norm may grow before the
 *               run counts as diverged
 * @param sampling how samples are drawn: auto, direct or projected ({@code SamplingChoice})
 * @param probes by name, in configuration order
 * @param tree   the resolved configuration with every default filled in (what a run record stores,
 *               and what reproduces the run when read back)
 */
public record RunConfig(long seed,
                        double divergenceGrowth,
                        String sampling,
                        ComponentConfig<DataDistribution> data,
                        ComponentConfig<TaskFamily> tasks,
                        ComponentConfig<Architecture> model,
                        ComponentConfig<Optimizer> optimizer,
                        Map<String, ComponentConfig<Probe>> probes,
                        ObjectNode tree) {

    public RunConfig {
        probes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probes));
    }
}
