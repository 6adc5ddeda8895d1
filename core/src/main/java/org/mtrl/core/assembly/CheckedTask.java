package org.mtrl.core.assembly;

import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.config.ComponentConfig;

/**
 * A drawn task whose labels are checked where they are made: whatever {@code label} throws (an index
 * past its array, a stack overflow, an attempt to end the process) and any label other than exactly +1
 * or -1 (0, NaN) fails the run naming the task family's plugin, not the optimizer or probe that called
 * it. The check is one pass over n labels next to n x d x m multiply-adds of the gradient that uses them.
 */
public final class CheckedTask implements Task {
    private final ComponentConfig<TaskFamily> slot;
    private final Task task;

    CheckedTask(ComponentConfig<TaskFamily> slot, Task task) {
        this.slot = slot;
        this.task = task;
    }

    /** Whether {@code thread} is inside a task's {@code label} (a stuck cell is blamed on the task family then). */
    public static boolean isLabelling(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(CheckedTask.class.getName()) && frame.getMethodName().equals("label")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void label(double[] z, int n, RandomStream rng, double[] y) {
        try {
            task.label(z, n, rng, y);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw Contracts.failure(slot, "label() failed: " + Contracts.describe(e), e);
        }
        for (int i = 0; i < n; i++) {
            double label = y[i];
            if (label != 1.0 && label != -1.0) {
                throw Contracts.failure(slot, "label() gave y[" + i + "] = " + label
                        + " (labels must be exactly +1 or -1)", null);
            }
        }
    }
}
