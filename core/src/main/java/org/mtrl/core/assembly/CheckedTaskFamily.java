package org.mtrl.core.assembly;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.core.config.ComponentConfig;

/**
 * A plugin's task family as the rest of the run sees it: {@code count()} must be positive, {@code draw}
 * must return a task, and every task it draws is a {@link CheckedTask}. So a broken family is named as
 * the culprit even when the optimizer or a probe is what called it.
 */
final class CheckedTaskFamily implements TaskFamily {
    private final ComponentConfig<TaskFamily> slot;
    private final TaskFamily family;

    CheckedTaskFamily(ComponentConfig<TaskFamily> slot, TaskFamily family) {
        this.slot = slot;
        this.family = family;
    }

    @Override
    public int count() {
        int count = Contracts.call(slot, "count()", family::count);
        Contracts.require(slot, count > 0, () -> "count() returned " + count + " (the number of tasks must be positive)");
        return count;
    }

    @Override
    public Task draw(Subspace groundTruth, RandomStream rng) {
        Task task = Contracts.call(slot, "draw()", () -> family.draw(groundTruth, rng));
        Contracts.require(slot, task != null, () -> "draw() returned no task (null)");
        return new CheckedTask(slot, task);
    }
}
