package org.mtrl.testkit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.runtime.RandomStream;

/** A minimal optimizer for the kit's own tests: one gradient step on each head over fresh samples. */
final class HeadDescent implements Optimizer {
    private final int declared;
    private final int drawn;

    /** @param declared samples per task the step averages over; @param drawn samples per task it draws */
    HeadDescent(int declared, int drawn) {
        this.declared = declared;
        this.drawn = drawn;
    }

    @Override
    public TrainingResult train(Model model, TrainingContext context) {
        Problem problem = context.problem();
        int m = model.width();
        double[] losses = new double[problem.taskCount()];
        context.workers().forEach(problem.taskCount(), t -> {
            Batch batch = new Batch(model.inputDim(), problem.groundTruth().rank(), drawn);
            RandomStream rng = context.streams().stream("head", t);
            problem.samples().draw(problem.tasks().get(t), rng, batch, drawn);
            batch.setSize(declared);
            GradientAccumulator gradient = model.newAccumulator(EnumSet.of(GradientPart.HEAD));
            losses[t] = gradient.add(t, batch, 1.0 / declared) / declared;
            for (int j = 0; j < m; j++) {
                model.heads().data()[t * m + j] -= 0.5 * gradient.head()[j];
            }
        });
        double mean = Arrays.stream(losses).average().orElseThrow();
        return new TrainingResult(List.of(new RoundStats(0, Map.of("head-loss", mean))),
                IntStream.range(0, problem.taskCount()).boxed().toList());
    }
}
