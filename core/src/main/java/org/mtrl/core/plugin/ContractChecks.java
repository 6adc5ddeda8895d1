package org.mtrl.core.plugin;

import java.util.List;
import java.util.function.Supplier;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.check.ArchitectureChecks;
import org.mtrl.testkit.check.ContractCheck;
import org.mtrl.testkit.check.DataDistributionChecks;
import org.mtrl.testkit.check.OptimizerChecks;
import org.mtrl.testkit.check.ProbeChecks;
import org.mtrl.testkit.check.TaskFamilyChecks;

/**
 * The test kit's contract checks for a component of each kind: the checks a plugin author's tests run
 * by extending the kit's contracts, run here by {@code plugins --check} on the jar's components.
 */
final class ContractChecks {
    /** The ground truth a task family is checked on: rank 3 lets parities up to order 3 draw. */
    private static final int TASK_DIM = 8;
    private static final int TASK_RANK = 3;

    private ContractChecks() {
    }

    /** The checks of a component of {@code kind} that {@code create} makes afresh for each use. */
    static List<ContractCheck> of(ComponentKind<?> kind, Supplier<Object> create) {
        return switch (kind.name()) {
            case "data" -> new DataDistributionChecks(() -> (DataDistribution) create.get()).all();
            case "tasks" -> new TaskFamilyChecks(() -> (TaskFamily) create.get(), TASK_DIM, TASK_RANK).all();
            case "model" -> new ArchitectureChecks(() -> (Architecture) create.get()).all();
            // no declared budget here: a plugin's own test states it (OptimizerContract.sampleBudget)
            case "optimizer" -> new OptimizerChecks(() -> (Optimizer) create.get(), null).all();
            case "probe" -> new ProbeChecks(() -> (Probe) create.get()).all();
            default -> List.of();
        };
    }
}
