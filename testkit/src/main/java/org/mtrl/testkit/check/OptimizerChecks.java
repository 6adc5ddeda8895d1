package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.mtrl.api.data.Problem;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.runtime.Workers;
import org.mtrl.testkit.KitWorkers;

/**
 * The contract of an {@link Optimizer}, training the kit's reference model on a tiny problem
 * (8 dimensions, rank 2, 4 tasks): the same weights for the same seed, on one thread or four; finite weights and
 * statistics; trained task indices that exist; and at most its budget of samples, counted at the kit's
 * sample source.
 */
public final class OptimizerChecks {
    private final Supplier<Optimizer> optimizer;
    private final ToLongFunction<Problem> sampleBudget;

    /**
     * @param optimizer    creates the optimizer under test (called once per training)
     * @param sampleBudget the most samples the optimizer may draw on a problem; {@code null} when unknown
     *                     (the budget check then only asks that it draws some)
     */
    public OptimizerChecks(Supplier<Optimizer> optimizer, ToLongFunction<Problem> sampleBudget) {
        this.optimizer = optimizer;
        this.sampleBudget = sampleBudget;
    }

    /** Every check, in the order they are reported. */
    public List<ContractCheck> all() {
        return List.of(
                new ContractCheck("trains to finite weights and statistics on a tiny problem", this::trainsWithoutDivergence),
                new ContractCheck("the same seed gives the same weights", this::deterministic),
                new ContractCheck("the same weights on 1 and 4 threads", this::sameBitsOnAnyThreads),
                new ContractCheck(sampleBudget == null ? "draws its samples from the problem's sample source"
                        : "draws samples within its budget", this::respectsSampleBudget));
    }

    public void trainsWithoutDivergence() {
        Trained trained = train(KitWorkers.sameThread());
        for (double v : trained.weights) {
            require(Double.isFinite(v), "training left a non-finite weight: " + v);
        }
        for (RoundStats round : trained.result.history()) {
            for (Map.Entry<String, Double> stat : round.values().entrySet()) {
                require(stat.getValue() != null && Double.isFinite(stat.getValue()), "round " + round.round()
                        + " reports " + stat.getKey() + " = " + stat.getValue() + ": statistics must be finite");
            }
        }
        for (int task : trained.result.trainedTasks()) {
            require(task >= 0 && task < TinySetup.TASKS, "trainedTasks() names task " + task + " of " + TinySetup.TASKS);
        }
    }

    public void deterministic() {
        Trained first = train(KitWorkers.sameThread());
        Trained again = train(KitWorkers.sameThread());
        require(Arrays.equals(first.weights, again.weights), "two trainings with the same seed gave different weights:"
                + " use only the streams of the training context");
        require(first.result.history().equals(again.result.history()),
                "two trainings with the same seed reported different statistics");
    }

    public void sameBitsOnAnyThreads() {
        Trained one = train(KitWorkers.sameThread());
        Trained four = train(KitWorkers.fourThreads());
        require(Arrays.equals(one.weights, four.weights), "training on 4 threads gave other weights than on 1:"
                + " a unit of parallel work must depend only on its index, combined in index order");
    }

    public void respectsSampleBudget() {
        Trained trained = train(KitWorkers.sameThread());
        require(trained.samplesDrawn > 0, "the optimizer drew no samples from the problem's sample source");
        if (sampleBudget != null) {
            long budget = sampleBudget.applyAsLong(trained.problem);
            require(trained.samplesDrawn <= budget, "the optimizer drew " + trained.samplesDrawn
                    + " samples, over its budget of " + budget);
        }
    }

    /** One training of the reference model on a fresh tiny problem. */
    private Trained train(Workers workers) {
        TinySetup tiny = TinySetup.create();
        Optimizer under = optimizer.get();
        under.check(tiny.kit().problem());
        TrainingResult result = under.train(tiny.model(), tiny.kit().trainingContext(tiny.model(), workers));
        require(result != null, "train() returned no result (null)");
        return new Trained(tiny.kit().problem(), result, tiny.weights(), tiny.kit().samplesDrawn());
    }

    private record Trained(Problem problem, TrainingResult result, double[] weights, long samplesDrawn) {
    }
}
