package org.mtrl.testkit.contract;

import org.junit.jupiter.api.Test;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.check.TaskFamilyChecks;

/**
 * Extend this in your task family's tests and return the family from {@link #family()}: JUnit then runs
 * the contract of {@link TaskFamilyChecks} on it, one test per check.
 */
public abstract class TaskFamilyContract {

    /** A fresh family under test, as its factory creates it. */
    protected abstract TaskFamily family();

    /** d of the ground truth the tasks are drawn on; 8 unless overridden. */
    protected int dim() {
        return 8;
    }

    /** r of the ground truth; 3 unless overridden (a family needing a larger rank overrides it). */
    protected int rank() {
        return 3;
    }

    private TaskFamilyChecks checks() {
        return new TaskFamilyChecks(this::family, dim(), rank());
    }

    @Test
    void countIsPositive() {
        checks().countIsPositive();
    }

    @Test
    void labelsArePlusOrMinusOne() {
        checks().labelsArePlusOrMinusOne();
    }

    @Test
    void labelsDependOnlyOnZ() {
        checks().labelsDependOnlyOnZ();
    }

    @Test
    void deterministicPerStream() {
        checks().deterministicPerStream();
    }
}
