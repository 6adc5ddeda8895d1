package org.mtrl.api.training;

/**
 * The run's gradients of one model, on fresh samples: what an optimizer steps along. Each gradient is
 * computed at the model's current parameters on the samples a {@link SamplePlan} names, streamed in
 * chunks of {@link SamplePlan#CHUNK} (memory does not grow with the number of tasks or samples), in
 * parallel on the run's workers, and summed in a fixed order, so the same seed gives the same bits on
 * any number of threads. The run chooses how samples are drawn; an optimizer that takes its gradients
 * only from here works unchanged whatever the run chooses.
 *
 * <p>Obtained from {@link org.mtrl.api.optim.TrainingContext#gradients}; one instance serves one
 * model for one {@code train} call, from one thread at a time.
 */
public interface Gradients {

    /** The head gradient grad_{a_t} L_t of each of {@code tasks} (indices into the problem's tasks). */
    HeadGradients headGradients(int[] tasks, SamplePlan plan);

    /**
     * (1/|tasks|) sum over {@code tasks} of the gradient of L_t with respect to the shared layer W, and
     * the biases when {@code withBias}.
     */
    SharedGradient sharedGradient(int[] tasks, SamplePlan plan, boolean withBias);
}
