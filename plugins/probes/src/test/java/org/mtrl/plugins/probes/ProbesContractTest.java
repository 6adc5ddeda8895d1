package org.mtrl.plugins.probes;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.mtrl.api.probe.Probe;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.contract.ProbeContract;

/** Every probe passes the test kit's contract, measured on the kit's reference model at small sizes. */
class ProbesContractTest {

    @Nested
    class SubspaceDistance extends ProbeContract {
        @Override
        protected Probe probe() {
            return KitComponents.create(SubspaceDistanceProbe.FACTORY, Map.of());
        }
    }

    @Nested
    class EnergyOutside extends ProbeContract {
        @Override
        protected Probe probe() {
            return KitComponents.create(EnergyOutsideProbe.FACTORY, Map.of());
        }
    }

    @Nested
    class FeatureCoverage extends ProbeContract {
        @Override
        protected Probe probe() {
            return KitComponents.create(FeatureCoverageProbe.FACTORY, Map.of());
        }
    }

    @Nested
    class DownstreamLinear extends ProbeContract {
        @Override
        protected Probe probe() {
            return KitComponents.create(DownstreamLinearProbe.FACTORY,
                    Map.of("samples", List.of(40, 80), "testSamples", 200, "taskCount", 2));
        }
    }

    @Nested
    class PretrainLoss extends ProbeContract {
        @Override
        protected Probe probe() {
            return KitComponents.create(PretrainLossProbe.FACTORY, Map.of("samples", 200, "refitSamples", 200, "refitTasks", 2));
        }
    }
}
