package org.mtrl.api.training;

/**
 * The averaged gradient of the shared layer: (1/|tasks|) sum_t grad L_t, with L_t the mean loss of
 * task t over its samples.
 *
 * @param firstLayer gradient with respect to W, row-major m x d
 * @param bias       gradient with respect to b, or {@code null} when not requested
 * @param meanLoss   the mean over tasks of L_t
 */
public record SharedGradient(double[] firstLayer, double[] bias, double meanLoss) {
}
