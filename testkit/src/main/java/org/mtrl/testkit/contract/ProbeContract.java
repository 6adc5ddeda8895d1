package org.mtrl.testkit.contract;

import org.junit.jupiter.api.Test;
import org.mtrl.api.probe.Probe;
import org.mtrl.testkit.check.ProbeChecks;

/**
 * Extend this in your probe's tests and return the probe from {@link #probe()}: JUnit then runs the
 * contract of {@link ProbeChecks} on it.
 */
public abstract class ProbeContract {

    /** A fresh probe under test; keep its sample sizes small, it measures several times. */
    protected abstract Probe probe();

    private ProbeChecks checks() {
        return new ProbeChecks(this::probe);
    }

    @Test
    void finiteUniqueMetrics() {
        checks().finiteUniqueMetrics();
    }

    @Test
    void stableAndDeterministic() {
        checks().stableAndDeterministic();
    }

    @Test
    void sameBitsOnAnyThreads() {
        checks().sameBitsOnAnyThreads();
    }

    @Test
    void leavesTheModel() {
        checks().leavesTheModel();
    }
}
