package org.mtrl.api.probe;

import org.mtrl.api.data.Problem;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;
import org.mtrl.api.tasks.TaskFamily;

/**
 * What a probe may read: the trained model, the problem it was trained on, the configured task family
 * (to draw fresh downstream tasks), the training result, streams private to this probe, workers.
 */
public record ProbeContext(Model model, Problem problem, TaskFamily taskFamily, TrainingResult training,
                           RandomStreams streams, Workers workers) {
}
