package org.mtrl.plugins.subspace;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.contract.DataDistributionContract;
import org.mtrl.testkit.contract.TaskFamilyContract;

/** Every component of the plugin passes the test kit's contract, as a third party's would. */
class SubspaceTasksContractTest {

    private static TaskFamily family(ComponentFactory<?, TaskFamily> factory) {
        return KitComponents.create(factory, Map.of("count", 4));
    }

    @Nested
    class LinearThreshold extends TaskFamilyContract {
        @Override
        protected TaskFamily family() {
            return SubspaceTasksContractTest.family(TaskFamilies.LINEAR_THRESHOLD);
        }
    }

    @Nested
    class BiasedThreshold extends TaskFamilyContract {
        @Override
        protected TaskFamily family() {
            return SubspaceTasksContractTest.family(TaskFamilies.BIASED_THRESHOLD);
        }
    }

    @Nested
    class Parity extends TaskFamilyContract {
        @Override
        protected TaskFamily family() {
            return SubspaceTasksContractTest.family(TaskFamilies.PARITY);
        }
    }

    @Nested
    class ReluTeacher extends TaskFamilyContract {
        @Override
        protected TaskFamily family() {
            return SubspaceTasksContractTest.family(TaskFamilies.RELU_TEACHER);
        }
    }

    @Nested
    class Gaussian extends DataDistributionContract {
        @Override
        protected DataDistribution distribution() {
            return KitComponents.create(GaussianDistribution.FACTORY, Map.of("dim", 10, "rank", 3));
        }
    }
}
