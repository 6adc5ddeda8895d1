package org.mtrl.api.optim;

import java.util.List;

/**
 * What pretraining produced besides the updated model.
 *
 * @param history      one entry per round
 * @param trainedTasks the indices of the tasks whose heads were trained (all of them for multi-task
 *                     methods, one for single-task training); probes of pretraining fit use these
 */
public record TrainingResult(List<RoundStats> history, List<Integer> trainedTasks) {

    public TrainingResult {
        history = List.copyOf(history);
        trainedTasks = List.copyOf(trainedTasks);
    }
}
