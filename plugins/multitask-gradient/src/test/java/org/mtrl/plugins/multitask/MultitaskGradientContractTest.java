package org.mtrl.plugins.multitask;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.mtrl.api.data.Problem;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.contract.OptimizerContract;

/**
 * Both optimizers pass the test kit's contract: per round, n1 head samples and n2 representation samples
 * for each task, and nothing more.
 */
class MultitaskGradientContractTest {
    private static final int ROUNDS = 2;
    private static final int HEAD_SAMPLES = 96;
    private static final int REP_SAMPLES = 160;

    private static Optimizer optimizer(String type) {
        return KitComponents.create(KitComponents.factory(new MultitaskGradientPlugin(), ComponentKind.OPTIMIZER, type),
                Map.of("rounds", ROUNDS, "headSamples", HEAD_SAMPLES, "repSamples", REP_SAMPLES));
    }

    private static long budget(Problem problem) {
        return (long) ROUNDS * problem.taskCount() * (HEAD_SAMPLES + REP_SAMPLES);
    }

    @Nested
    class Alternating extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return MultitaskGradientContractTest.optimizer("multitask-alternating");
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return budget(problem);
        }
    }

    @Nested
    class Joint extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return MultitaskGradientContractTest.optimizer("joint-gradient");
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return budget(problem);
        }
    }
}
