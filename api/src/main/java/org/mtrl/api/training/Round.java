package org.mtrl.api.training;

import java.util.Map;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingContext;

/**
 * One round of the {@link AlternatingMethod}, as its {@link HeadStep} and {@link RepresentationStep}
 * see it.
 *
 * @param number      the round, from 1
 * @param sampleRound the round whose samples the steps draw: {@code number}, or 0 in every round with
 *                    fixed sampling (one training set per task)
 * @param tasks       the indices of the tasks trained
 * @param model       the model, updated in place
 * @param gradients   the run's gradients of {@code model}
 * @param context     the training context (problem, streams, workers, progress)
 * @param stats       the round's statistics, in insertion order; a step adds its own (e.g. {@code head-loss})
 */
public record Round(int number, int sampleRound, int[] tasks, Model model, Gradients gradients,
                    TrainingContext context, Map<String, Double> stats) {

    /** The samples of this round for {@code purpose} (e.g. {@code head}): {@code samples} per task. */
    public SamplePlan plan(String purpose, int samples) {
        return new SamplePlan(purpose, sampleRound, samples);
    }
}
