package org.mtrl.plugins.baselines;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.mtrl.api.data.Problem;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.contract.OptimizerContract;

/** The baselines pass the test kit's optimizer contract, each within the sample budget its description states. */
class BaselinesContractTest {
    private static final int ROUNDS = 2;
    private static final int HEAD_SAMPLES = 96;
    private static final int REP_SAMPLES = 160;

    private static Optimizer optimizer(String type, Map<String, ?> values) {
        return KitComponents.create(KitComponents.factory(new BaselinesPlugin(), ComponentKind.OPTIMIZER, type), values);
    }

    /** The alternating method on one task with the budget of T tasks: T x (n1 + n2) samples a round. */
    @Nested
    class SingleTaskOptimizer extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return BaselinesContractTest.optimizer("single-task",
                    Map.of("task", 1, "rounds", ROUNDS, "headSamples", HEAD_SAMPLES, "repSamples", REP_SAMPLES));
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return (long) ROUNDS * problem.taskCount() * (HEAD_SAMPLES + REP_SAMPLES);
        }
    }

    /** Head steps only: T x n1 samples a round. */
    @Nested
    class RandomFeatures extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return BaselinesContractTest.optimizer("random-features", Map.of("rounds", ROUNDS, "headSamples", HEAD_SAMPLES));
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return (long) ROUNDS * problem.taskCount() * HEAD_SAMPLES;
        }
    }

    /** Head steps only, on W projected onto span(M): T x n1 samples a round. */
    @Nested
    class OracleSubspace extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return BaselinesContractTest.optimizer("oracle-subspace", Map.of("rounds", ROUNDS, "headSamples", HEAD_SAMPLES));
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return (long) ROUNDS * problem.taskCount() * HEAD_SAMPLES;
        }
    }
}
