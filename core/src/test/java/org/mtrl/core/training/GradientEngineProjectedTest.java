package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Problem;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.Gradients;
import org.mtrl.api.training.HeadGradients;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.api.training.SharedGradient;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.sampling.OutsideSpanGradient;
import org.mtrl.core.sampling.ProjectedSampling;
import org.mtrl.testkit.ReferenceModel;

/**
 * The engine under projected sampling against sums written out in the test. The reduced samples are
 * the normals of the plan's streams, k per point, as coordinates u in the basis Q (whatever basis
 * {@link ProjectedSampling} chose: the test reads it back); labels see z = (Q^T M)^T u, and the model
 * (the test kit's reference network, which offers the Gram) sees relu(W Q u + b). From plain loops over
 * them: the head, bias and loss exactly as on x, and the reduced first-layer gradient G_u and the
 * pre-activation Gram C summed over every task and chunk, which the engine must lift with
 * {@link OutsideSpanGradient} (pinned by its own test).
 */
class GradientEngineProjectedTest {
    private static final int D = 40;
    private static final int WIDTH = 3;
    private static final int TASKS = 5;
    private static final long SEED = 5;
    /** Three chunks of each of 5 tasks, the last one partial: 15 units over the engine's 8 shards. */
    private static final SamplePlan PLAN = new SamplePlan("rep", 3, 2 * SamplePlan.CHUNK + 77);
    private static final double TOLERANCE = 1e-10;

    private final Problem problem = MomentModel.problem(D, TASKS);
    private final ReferenceModel model = randomModel();

    @Test
    void theSharedGradientIsTheLiftOfTheReducedSums() {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            ProjectedSampling sampling = new ProjectedSampling(problem, workers);
            SharedGradient engine = gradients(sampling, workers).sharedGradient(AlternatingMethod.allTasks(TASKS),
                    PLAN, true);
            Matrix q = sampling.forModel(model).basis(); // the basis the engine used: W has not changed
            int k = q.rows();
            double scale = 1.0 / ((double) PLAN.samples() * TASKS);
            double[] reduced = new double[WIDTH * k];
            double[] gram = new double[WIDTH * WIDTH];
            double[] bias = new double[WIDTH];
            double loss = 0;
            for (int t = 0; t < TASKS; t++) {
                for (Sample s : samples(q, t)) {
                    double[] c = new double[WIDTH]; // the gradient of the scaled loss in the pre-activations
                    for (int j = 0; j < WIDTH; j++) {
                        c[j] = s.pre[j] > 0 ? scale * s.derivative * model.heads().get(t, j) : 0;
                    }
                    for (int j = 0; j < WIDTH; j++) {
                        bias[j] += c[j];
                        for (int a = 0; a < k; a++) {
                            reduced[j * k + a] += c[j] * s.u[a];
                        }
                        for (int l = 0; l < WIDTH; l++) {
                            gram[j * WIDTH + l] += c[j] * c[l];
                        }
                    }
                    loss += scale * s.loss;
                }
            }
            double[] lifted = OutsideSpanGradient.lift(reduced, gram, WIDTH, q, new SeededRandomStreams(SEED),
                    PLAN.purpose(), PLAN.round(), workers);
            assertClose(lifted, engine.firstLayer(), "first layer");
            assertClose(bias, engine.bias(), "bias");
            assertEquals(loss, engine.meanLoss(), TOLERANCE * Math.abs(loss));
        }
    }

    @Test
    void headGradientsAreThoseOfTheReducedModelOnTheReducedSamples() {
        try (PoolWorkers workers = new PoolWorkers(2)) {
            ProjectedSampling sampling = new ProjectedSampling(problem, workers);
            int[] tasks = {4, 1};
            HeadGradients engine = gradients(sampling, workers).headGradients(tasks, PLAN);
            Matrix q = sampling.forModel(model).basis();
            for (int i = 0; i < tasks.length; i++) {
                double[] head = new double[WIDTH];
                double loss = 0;
                for (Sample s : samples(q, tasks[i])) {
                    for (int j = 0; j < WIDTH; j++) {
                        head[j] += s.derivative * Math.max(0, s.pre[j]) / PLAN.samples();
                    }
                    loss += s.loss / PLAN.samples();
                }
                assertClose(head, engine.gradients()[i], "head of task " + tasks[i]);
                assertEquals(loss, engine.losses()[i], TOLERANCE * Math.abs(loss), "loss of task " + tasks[i]);
            }
        }
    }

    /**
     * A fixed training set (round 0) must be the same x every round, so it is drawn directly; and a
     * sampling whose view is not projected is direct sampling. Both give the direct engine's bits.
     */
    @Test
    void aFixedTrainingSetAndAnUnprojectedViewAreSampledDirectly() {
        SamplePlan fixed = new SamplePlan("rep", 0, PLAN.samples());
        try (PoolWorkers workers = new PoolWorkers(2)) {
            Gradients direct = gradients(null, workers);
            Gradients projected = gradients(new ProjectedSampling(problem, workers), workers);
            Gradients unprojected = gradients(Sampling.direct(problem), workers);
            int[] all = AlternatingMethod.allTasks(TASKS);
            assertSameBits(direct.sharedGradient(all, fixed, true), projected.sharedGradient(all, fixed, true));
            assertSameBits(direct.sharedGradient(all, PLAN, true), unprojected.sharedGradient(all, PLAN, true));
            assertArrayEquals(direct.headGradients(all, fixed).gradients(), projected.headGradients(all, fixed).gradients());
            assertArrayEquals(direct.headGradients(all, PLAN).gradients(), unprojected.headGradients(all, PLAN).gradients());
        }
    }

    /** The gradients of {@link #model} that the run's service gives under {@code sampling} (null: direct). */
    private Gradients gradients(Sampling sampling, PoolWorkers workers) {
        TrainingContext context = new TrainingContext(problem, new SeededRandomStreams(SEED), workers,
                ProgressListener.NONE, GradientEngine.service(sampling), null);
        return context.gradients(model);
    }

    /** One reduced sample as the model sees it: u, the pre-activations W Q u + b, the loss and l'(y, f). */
    private record Sample(double[] u, double[] pre, double loss, double derivative) {
    }

    /** Task t's samples under {@link #PLAN}: chunk c holds the first k normals per point of stream (rep, 3, t, c). */
    private Sample[] samples(Matrix q, int t) {
        int k = q.rows();
        double[] qm = new double[k]; // Q^T M, M = e_0 (r = 1)
        double[][] wq = new double[WIDTH][k];
        for (int a = 0; a < k; a++) {
            qm[a] = q.get(a, 0);
            for (int j = 0; j < WIDTH; j++) {
                for (int i = 0; i < D; i++) {
                    wq[j][a] += model.firstLayer().get(j, i) * q.get(a, i);
                }
            }
        }
        Sample[] out = new Sample[PLAN.samples()];
        SeededRandomStreams streams = new SeededRandomStreams(SEED);
        for (int c = 0; c < PLAN.chunks(); c++) {
            int size = PLAN.chunkSize(c);
            RandomStream rng = streams.stream(PLAN.purpose(), PLAN.round(), t, c);
            double[] u = new double[size * k];
            rng.nextGaussians(u, 0, u.length);
            double[] z = new double[size];
            for (int s = 0; s < size; s++) {
                for (int a = 0; a < k; a++) {
                    z[s] += qm[a] * u[s * k + a];
                }
            }
            double[] y = new double[size];
            problem.tasks().get(t).label(z, size, rng, y);
            for (int s = 0; s < size; s++) {
                double[] us = java.util.Arrays.copyOfRange(u, s * k, (s + 1) * k);
                double[] pre = model.bias().clone();
                double f = 0;
                for (int j = 0; j < WIDTH; j++) {
                    for (int a = 0; a < k; a++) {
                        pre[j] += wq[j][a] * us[a];
                    }
                    f += model.heads().get(t, j) * Math.max(0, pre[j]);
                }
                double e = f - y[s];
                out[c * SamplePlan.CHUNK + s] = new Sample(us, pre, e * e / 2, e);
            }
        }
        return out;
    }

    /** The test kit's network (ReLU units) with the squared loss, l = (f - y)^2 / 2, and random heads. */
    private static ReferenceModel randomModel() {
        RandomStream rng = new SeededRandomStreams(7).stream("model");
        Matrix w = Matrix.zeros(WIDTH, D);
        Matrix heads = Matrix.zeros(TASKS, WIDTH);
        double[] b = new double[WIDTH];
        rng.nextGaussians(w.data(), 0, w.data().length);
        rng.nextGaussians(heads.data(), 0, heads.data().length);
        rng.nextGaussians(b, 0, b.length);
        return new ReferenceModel(w, b, heads, Losses.byName("squared"));
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * (1 + Math.abs(expected[i])), what + " at " + i);
        }
    }

    private static void assertSameBits(SharedGradient expected, SharedGradient actual) {
        assertArrayEquals(expected.firstLayer(), actual.firstLayer());
        assertArrayEquals(expected.bias(), actual.bias());
        assertEquals(expected.meanLoss(), actual.meanLoss(), 0.0);
    }
}
