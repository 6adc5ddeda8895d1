package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.KitStreams;

/**
 * The contract of a {@link TaskFamily}: a positive count, labels exactly +1 or -1, labels that depend on
 * an input only through z = M^T x, and tasks and labels that are a function of their streams.
 */
public final class TaskFamilyChecks {
    private static final int POINTS = 256;
    private static final int TASKS = 4;

    private final Supplier<TaskFamily> family;
    private final Subspace groundTruth;

    /**
     * @param family creates the family under test (called once per check)
     * @param dim    d of the ground truth the tasks are drawn on
     * @param rank   r of the ground truth (a parity of order k needs r &gt;= k)
     */
    public TaskFamilyChecks(Supplier<TaskFamily> family, int dim, int rank) {
        this.family = family;
        this.groundTruth = KitProblem.randomSubspace(dim, rank, new KitStreams(7).stream("ground-truth"));
    }

    /** Every check, in the order they are reported. */
    public List<ContractCheck> all() {
        return List.of(
                new ContractCheck("count() is positive", this::countIsPositive),
                new ContractCheck("labels are exactly +1 or -1", this::labelsArePlusOrMinusOne),
                new ContractCheck("labels depend on x only through z = M^T x", this::labelsDependOnlyOnZ),
                new ContractCheck("tasks and labels are a function of their streams", this::deterministicPerStream));
    }

    public void countIsPositive() {
        int count = family.get().count();
        require(count > 0, "count() must be positive, got " + count);
    }

    public void labelsArePlusOrMinusOne() {
        KitStreams streams = new KitStreams(11);
        TaskFamily tasks = family.get();
        double[] x = gaussians(streams, POINTS * groundTruth.dim());
        for (int t = 0; t < TASKS; t++) {
            double[] y = labels(draw(tasks, streams, t), project(x), streams, t);
            for (int k = 0; k < POINTS; k++) {
                require(y[k] == 1 || y[k] == -1, "task " + t + " labelled point " + k + " with " + y[k]
                        + ": labels must be exactly +1 or -1");
            }
        }
    }

    public void labelsDependOnlyOnZ() {
        KitStreams streams = new KitStreams(12);
        TaskFamily tasks = family.get();
        int d = groundTruth.dim();
        double[] x = gaussians(streams, POINTS * d);
        double[] elsewhere = x.clone();
        double[] noise = gaussians(new KitStreams(13), POINTS * d);
        double[] basis = groundTruth.basis().data();
        int r = groundTruth.rank();
        for (int k = 0; k < POINTS; k++) { // add to x a direction orthogonal to the ground truth
            double[] orthogonal = Arrays.copyOfRange(noise, k * d, (k + 1) * d);
            for (int c = 0; c < r; c++) {
                double along = 0;
                for (int i = 0; i < d; i++) {
                    along += orthogonal[i] * basis[i * r + c];
                }
                for (int i = 0; i < d; i++) {
                    orthogonal[i] -= along * basis[i * r + c];
                }
            }
            for (int i = 0; i < d; i++) {
                elsewhere[k * d + i] += 3 * orthogonal[i];
            }
        }
        for (int t = 0; t < TASKS; t++) {
            Task task = draw(tasks, streams, t);
            double[] z = project(x);
            double[] zCopy = z.clone();
            double[] y = labels(task, z, streams, t);
            require(Arrays.equals(z, zCopy), "task " + t + " changed the projections z it was given to label");
            double[] moved = labels(task, project(elsewhere), streams, t);
            for (int k = 0; k < POINTS; k++) {
                require(y[k] == moved[k], "task " + t + " labels point " + k + " " + y[k] + ", but " + moved[k]
                        + " once x moves orthogonally to the ground truth: labels must depend on z = M^T x alone");
            }
        }
    }

    public void deterministicPerStream() {
        KitStreams streams = new KitStreams(14);
        double[] z = project(gaussians(streams, POINTS * groundTruth.dim()));
        for (int t = 0; t < TASKS; t++) {
            double[] first = labels(draw(family.get(), streams, t), z, streams, t);
            double[] again = labels(draw(family.get(), streams, t), z, streams, t);
            require(Arrays.equals(first, again), "task " + t + " drawn twice from the same stream, labelling the"
                    + " same points with the same stream, gave different labels: use only the streams given");
        }
    }

    private Task draw(TaskFamily tasks, KitStreams streams, int t) {
        Task task = tasks.draw(groundTruth, streams.stream("draw", t));
        require(task != null, "draw() returned no task (null)");
        return task;
    }

    private static double[] labels(Task task, double[] z, KitStreams streams, int t) {
        double[] y = new double[POINTS];
        task.label(z, POINTS, streams.stream("label", t), y);
        return y;
    }

    private double[] project(double[] x) {
        double[] z = new double[POINTS * groundTruth.rank()];
        groundTruth.project(x, POINTS, z);
        return z;
    }

    private static double[] gaussians(KitStreams streams, int count) {
        double[] out = new double[count];
        streams.stream("inputs").nextGaussians(out, 0, count);
        return out;
    }
}
