package org.mtrl.core.training;

import java.util.EnumSet;
import java.util.Set;
import org.mtrl.api.data.Batch;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.Model;
import org.mtrl.api.training.SamplePlan;

/** The buffers one unit of gradient work needs: a sample batch and an accumulator. */
final class Workspace {
    final Batch batch;
    final GradientAccumulator accumulator;

    Workspace(Model model, int rank, Set<org.mtrl.api.model.GradientPart> parts) {
        this.batch = new Batch(model.inputDim(), rank, SamplePlan.CHUNK);
        this.accumulator = model.newAccumulator(EnumSet.copyOf(parts));
    }
}
