package org.mtrl.plugins.subspace;

import java.util.List;
import org.mtrl.api.linalg.RandomVectors;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.tasks.TaskFamily;

/**
 * The task families of this plugin and their parameters. Every family labels z = M^T x in {-1, +1}
 * and shares {@code count} (T) and {@code labelNoise}; see {@link SubspaceTaskFamily}.
 */
public final class TaskFamilies {
    private TaskFamilies() {
    }

    // The shared parameters, spelled once so that the four records cannot drift apart.
    private static final String COUNT = "number T of pretraining tasks";
    private static final String COUNT_DEFAULT = "50";
    private static final String NOISE = "probability of flipping each label";
    private static final String NOISE_DEFAULT = "0";

    /** Parameters of {@code linear-threshold}. */
    public record LinearThresholdParams(
            @Param(value = COUNT, defaultValue = COUNT_DEFAULT, min = 1) int count,
            @Param(value = NOISE, defaultValue = NOISE_DEFAULT, min = 0, max = 0.5) double labelNoise) {
    }

    /** Parameters of {@code biased-threshold}. */
    public record BiasedThresholdParams(
            @Param(value = COUNT, defaultValue = COUNT_DEFAULT, min = 1) int count,
            @Param(value = NOISE, defaultValue = NOISE_DEFAULT, min = 0, max = 0.5) double labelNoise,
            @Param(value = "standard deviation of the threshold c ~ N(0, biasScale^2)", defaultValue = "0.5", min = 0)
            double biasScale) {
    }

    /** Parameters of {@code parity}. */
    public record ParityParams(
            @Param(value = COUNT, defaultValue = COUNT_DEFAULT, min = 1) int count,
            @Param(value = NOISE, defaultValue = NOISE_DEFAULT, min = 0, max = 0.5) double labelNoise,
            @Param(value = "number of coordinates of z multiplied (2 = XOR); at most the rank r",
                    defaultValue = "2", min = 1) int order) {
    }

    /** Parameters of {@code relu-teacher}. */
    public record ReluTeacherParams(
            @Param(value = COUNT, defaultValue = COUNT_DEFAULT, min = 1) int count,
            @Param(value = NOISE, defaultValue = NOISE_DEFAULT, min = 0, max = 0.5) double labelNoise,
            @Param(value = "number of hidden units of the teacher", defaultValue = "4", min = 1) int hidden,
            @Param(value = "draws of z used to estimate the teacher's median when a task is drawn",
                    defaultValue = "4001", min = 1) int medianSamples) {
    }

    static final ComponentFactory<LinearThresholdParams, TaskFamily> LINEAR_THRESHOLD = ComponentFactory.of(
            ComponentKind.TASKS, "linear-threshold", "y = sign(<v, z>), v uniform on the unit sphere of R^r",
            LinearThresholdParams.class, (p, context) -> new SubspaceTaskFamily(p.count(), p.labelNoise(),
                    (r, rng) -> new ThresholdTask(RandomVectors.unitVector(r, rng), 0)));

    static final ComponentFactory<BiasedThresholdParams, TaskFamily> BIASED_THRESHOLD = ComponentFactory.of(
            ComponentKind.TASKS, "biased-threshold", "y = sign(<v, z> - c), v uniform on the sphere, c ~ N(0, biasScale^2)",
            BiasedThresholdParams.class, (p, context) -> new SubspaceTaskFamily(p.count(), p.labelNoise(),
                    (r, rng) -> {
                        double[] v = RandomVectors.unitVector(r, rng);
                        return new ThresholdTask(v, p.biasScale() * rng.nextGaussian());
                    }));

    static final ComponentFactory<ParityParams, TaskFamily> PARITY = ComponentFactory.of(
            ComponentKind.TASKS, "parity", "y = product of sign(z_k) over a random set of `order` coordinates",
            ParityParams.class, (p, context) -> new SubspaceTaskFamily(p.count(), p.labelNoise(),
                    (r, rng) -> ParityTask.draw(r, p.order(), rng)));

    static final ComponentFactory<ReluTeacherParams, TaskFamily> RELU_TEACHER = ComponentFactory.of(
            ComponentKind.TASKS, "relu-teacher", "y = sign(s(z) - median) for a random small ReLU network s on z",
            ReluTeacherParams.class, (p, context) -> new SubspaceTaskFamily(p.count(), p.labelNoise(),
                    (r, rng) -> ReluTeacherTask.draw(r, p.hidden(), p.medianSamples(), rng)));

    /** All task-family factories, the default ({@code linear-threshold}) first. */
    static final List<ComponentFactory<?, ?>> ALL = List.of(LINEAR_THRESHOLD, BIASED_THRESHOLD, PARITY, RELU_TEACHER);
}
