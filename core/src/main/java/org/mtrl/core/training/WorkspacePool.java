package org.mtrl.core.training;

import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;

/**
 * Reuses workspaces across units and rounds so training does not allocate per step. Which workspace a
 * unit gets never matters: accumulators are reset before use.
 */
final class WorkspacePool {
    private final Model model;
    private final int rank;
    private final Set<GradientPart> parts;
    private final ConcurrentLinkedDeque<Workspace> free = new ConcurrentLinkedDeque<>();

    WorkspacePool(Model model, int rank, Set<GradientPart> parts) {
        this.model = model;
        this.rank = rank;
        this.parts = Set.copyOf(parts);
    }

    Workspace take() {
        Workspace w = free.pollFirst();
        if (w == null) {
            w = new Workspace(model, rank, parts);
        }
        w.accumulator.reset();
        return w;
    }

    void give(Workspace w) {
        free.addFirst(w);
    }
}
