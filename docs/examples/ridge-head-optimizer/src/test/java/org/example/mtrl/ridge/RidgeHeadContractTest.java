package org.example.mtrl.ridge;

import java.util.Map;
import org.mtrl.api.data.Problem;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.contract.OptimizerContract;

/** The test kit's optimizer contract: deterministic, the same on 1 and 4 threads, finite, within its budget. */
class RidgeHeadContractTest extends OptimizerContract {
    private static final int ROUNDS = 2;
    private static final int HEAD_SAMPLES = 100;
    private static final int REP_SAMPLES = 150;

    @Override
    protected Optimizer optimizer() {
        return KitComponents.create(KitComponents.factory(new RidgeHeadPlugin(), ComponentKind.OPTIMIZER,
                "ridge-alternating"), Map.of("rounds", ROUNDS, "headSamples", HEAD_SAMPLES, "repSamples", REP_SAMPLES));
    }

    /** Per round and task: n fresh samples for the ridge fit, n2 for the representation step. */
    @Override
    protected long sampleBudget(Problem problem) {
        return (long) ROUNDS * problem.taskCount() * (HEAD_SAMPLES + REP_SAMPLES);
    }
}
