package org.mtrl.api.optim;

import org.mtrl.api.data.Problem;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStreams;
import org.mtrl.api.runtime.Workers;

/** What an optimizer may use: the problem, random streams private to training, workers, progress. */
public record TrainingContext(Problem problem, RandomStreams streams, Workers workers, ProgressListener progress) {
}
