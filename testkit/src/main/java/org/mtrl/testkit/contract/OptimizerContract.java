package org.mtrl.testkit.contract;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Problem;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.testkit.check.OptimizerChecks;

/**
 * Extend this in your optimizer's tests, return it from {@link #optimizer()} and say how many samples
 * it may draw in {@link #sampleBudget}: JUnit then runs the contract of {@link OptimizerChecks} on it.
 */
public abstract class OptimizerContract {

    /** A fresh optimizer under test; keep its sample sizes small, it trains several times. */
    protected abstract Optimizer optimizer();

    /** The most labelled samples the optimizer may draw on {@code problem} (for example rounds x T x n). */
    protected abstract long sampleBudget(Problem problem);

    private OptimizerChecks checks() {
        return new OptimizerChecks(this::optimizer, this::sampleBudget);
    }

    @Test
    void trainsWithoutDivergence() {
        checks().trainsWithoutDivergence();
    }

    @Test
    void deterministic() {
        checks().deterministic();
    }

    @Test
    void sameBitsOnAnyThreads() {
        checks().sameBitsOnAnyThreads();
    }

    @Test
    void respectsSampleBudget() {
        checks().respectsSampleBudget();
    }
}
