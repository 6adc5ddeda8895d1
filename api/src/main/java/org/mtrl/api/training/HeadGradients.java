package org.mtrl.api.training;

/**
 * Per-task head gradients grad_{a_t} L_t, with L_t the mean loss of task t over its samples.
 *
 * @param tasks     the task indices, in order
 * @param gradients {@code gradients[i]} belongs to {@code tasks[i]}
 * @param losses    {@code losses[i]} is L_t of {@code tasks[i]}
 */
public record HeadGradients(int[] tasks, double[][] gradients, double[] losses) {

    public double meanLoss() {
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return sum / losses.length;
    }
}
