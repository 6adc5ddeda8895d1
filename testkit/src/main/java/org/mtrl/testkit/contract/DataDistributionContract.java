package org.mtrl.testkit.contract;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.testkit.check.DataDistributionChecks;

/**
 * Extend this in your data distribution's tests and return it from {@link #distribution()}: JUnit then
 * runs the contract of {@link DataDistributionChecks} on it.
 */
public abstract class DataDistributionContract {

    /** A fresh distribution under test, as its factory creates it (same seed each call). */
    protected abstract DataDistribution distribution();

    private DataDistributionChecks checks() {
        return new DataDistributionChecks(this::distribution);
    }

    @Test
    void groundTruthFits() {
        checks().groundTruthFits();
    }

    @Test
    void finiteAndDeterministic() {
        checks().finiteAndDeterministic();
    }
}
