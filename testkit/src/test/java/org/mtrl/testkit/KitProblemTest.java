package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.probe.ProbeContext;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.training.SamplePlan;

/** The kit's problem, its pieces and the reference model's initialisation, against plain recomputations. */
class KitProblemTest {

    @Test
    void theRandomSubspaceIsGramSchmidtOfGaussianColumnsAndOrthonormal() {
        Subspace truth = KitProblem.randomSubspace(9, 3, new KitStreams(3).stream("g"));
        Matrix m = truth.basis();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = 0;
                for (int i = 0; i < 9; i++) {
                    dot += m.get(i, a) * m.get(i, b);
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-14, "M^T M at " + a + ", " + b);
            }
        }
        RandomStream replay = new KitStreams(3).stream("g");
        double[] first = new double[9];
        double norm = 0;
        for (int i = 0; i < 9; i++) {
            first[i] = replay.nextGaussian();
            norm += first[i] * first[i];
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(first[i] / Math.sqrt(norm), m.get(i, 0), 1e-14, "the first column: the first draw, normalised");
        }
    }

    @Test
    void theDrawnBatchIsTheInputsTheirProjectionAndTheTasksLabels() {
        KitProblem kit = KitProblem.gaussian(5, 2).taskCount(2).seed(8).build();
        Problem problem = kit.problem();
        assertEquals(5, problem.groundTruth().dim());
        assertTrue(problem.distribution().standardGaussian(), "x ~ N(0, I_d)");
        Batch batch = new Batch(5, 2, 10);
        problem.samples().draw(problem.tasks().get(1), new KitStreams(2).stream("s"), batch, 7);
        assertEquals(7, batch.size());
        assertEquals(7, kit.samplesDrawn());
        double[] x = new double[35];
        new KitStreams(2).stream("s").nextGaussians(x, 0, 35);
        assertArrayEquals(x, Arrays.copyOf(batch.x(), 35));
        Matrix m = problem.groundTruth().basis();
        double[] z = new double[14];
        for (int k = 0; k < 7; k++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 5; i++) {
                    z[k * 2 + c] += x[k * 5 + i] * m.get(i, c);
                }
            }
        }
        assertArrayEquals(z, Arrays.copyOf(batch.z(), 14), 1e-14);
        double[] y = new double[7];
        problem.tasks().get(1).label(z, 7, null, y);
        assertArrayEquals(y, Arrays.copyOf(batch.y(), 7));
    }

    @Test
    void theTrainingSamplesAreTheChunksTrainingDrawsUncounted() {
        KitProblem kit = KitProblem.gaussian(4, 2).taskCount(2).seed(6).build();
        int n = SamplePlan.CHUNK + 9;
        Batch samples = kit.trainingSamples("rep", 2, 1, n);
        assertEquals(n, samples.size());
        assertEquals(0, kit.samplesDrawn(), "a second computation's reads are not charged");
        Problem problem = kit.problem();
        Batch chunk = new Batch(4, 2, SamplePlan.CHUNK);
        for (int c = 0; c < 2; c++) {
            int size = c == 0 ? SamplePlan.CHUNK : 9;
            problem.samples().draw(problem.tasks().get(1), kit.trainingStreams().stream("rep", 2, 1, c), chunk, size);
            int offset = c * SamplePlan.CHUNK;
            assertArrayEquals(Arrays.copyOf(chunk.x(), size * 4),
                    Arrays.copyOfRange(samples.x(), offset * 4, (offset + size) * 4), "x of chunk " + c);
            assertArrayEquals(Arrays.copyOf(chunk.z(), size * 2),
                    Arrays.copyOfRange(samples.z(), offset * 2, (offset + size) * 2), "z of chunk " + c);
            assertArrayEquals(Arrays.copyOf(chunk.y(), size), Arrays.copyOfRange(samples.y(), offset, offset + size),
                    "y of chunk " + c);
        }
        assertEquals(kit.streams().scoped("training").stream("a").nextLong(),
                kit.trainingStreams().stream("a").nextLong(), "the training streams are the seed's, scoped training");
    }

    @Test
    void linearThresholdsAreTheSignOfAGaussianDirectionDotZ() {
        Subspace truth = KitProblem.randomSubspace(6, 3, new KitStreams(1).stream("g"));
        Task task = KitProblem.linearThresholds(2).draw(truth, new KitStreams(1).stream("task"));
        RandomStream replay = new KitStreams(1).stream("task");
        double[] v = {replay.nextGaussian(), replay.nextGaussian(), replay.nextGaussian()};
        double[] z = new double[3 * 50];
        new KitStreams(1).stream("z").nextGaussians(z, 0, z.length);
        z[3 * 49] = 0; // a point on the boundary: sign(0) = +1
        z[3 * 49 + 1] = 0;
        z[3 * 49 + 2] = 0;
        double[] y = new double[50];
        task.label(z, 50, null, y);
        for (int k = 0; k < 50; k++) {
            double score = v[0] * z[3 * k] + v[1] * z[3 * k + 1] + v[2] * z[3 * k + 2];
            assertEquals(score >= 0 ? 1 : -1, y[k], "point " + k);
        }
    }

    @Test
    void theBuilderRefusesARankOutsideOneToDim() {
        assertThrows(IllegalArgumentException.class, () -> KitProblem.gaussian(4, 0));
        assertThrows(IllegalArgumentException.class, () -> KitProblem.gaussian(4, 5));
        assertEquals(4, KitProblem.gaussian(4, 4).build().problem().groundTruth().rank());
        assertEquals(1, KitProblem.gaussian(4, 1).build().problem().groundTruth().rank());
    }

    @Test
    void aProbeContextReadsTheModelTrainedOnEveryTask() {
        KitProblem kit = KitProblem.gaussian(6, 2).taskCount(3).taskFamily(KitProblem.linearThresholds(3)).build();
        Model model = ReferenceModel.architecture(4, Losses.byName("logistic")).build(6, 3, kit.streams().stream("i"));
        ProbeContext context = kit.probeContext(model, KitWorkers.fourThreads());
        assertSame(model, context.model());
        assertSame(kit.problem(), context.problem());
        assertSame(kit.taskFamily(), context.taskFamily());
        assertEquals(List.of(0, 1, 2), context.training().trainedTasks());
        assertEquals(4, context.workers().threads());
        assertEquals(kit.streams().scoped("probe").stream("a").nextLong(), context.streams().stream("a").nextLong());
    }

    @Test
    void theReferenceInitialisationHasThePapersScales() {
        Model model = ReferenceModel.architecture(3, Losses.byName("hinge")).build(4, 2, new KitStreams(6).stream("init"));
        RandomStream replay = new KitStreams(6).stream("init");
        for (int i = 0; i < 12; i++) {
            assertEquals(replay.nextGaussian() / 2, model.firstLayer().data()[i], 1e-15, "W ~ N(0, 1/d)");
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(0.5 * replay.nextGaussian(), model.bias()[j], 1e-15, "b ~ N(0, 1/4)");
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(replay.nextGaussian() / Math.sqrt(3), model.heads().data()[i], 1e-15, "a ~ N(0, 1/m)");
        }
        assertEquals("hinge", model.loss().name());
    }

    @Test
    void withFirstLayerKeepsACopyOfTheHeadsAndChecksTheShapes() {
        Model model = smallModel();
        Matrix w = Matrix.zeros(3, 4);
        double[] b = {1, 2, 3};
        Model next = model.withFirstLayer(w, b);
        assertSame(w, next.firstLayer());
        assertSame(b, next.bias());
        assertArrayEquals(model.heads().data(), next.heads().data());
        assertNotSame(model.heads().data(), next.heads().data());
        assertThrows(IllegalArgumentException.class, () -> model.withFirstLayer(Matrix.zeros(2, 4), new double[2]));
        assertThrows(IllegalArgumentException.class, () -> model.withFirstLayer(w, new double[2]));
        Model reduced = model.withFirstLayer(Matrix.zeros(3, 2), b);
        assertEquals(2, reduced.inputDim(), "any input dimension, as for projected sampling's W Q");
        double[] features = new double[3];
        reduced.features(new double[] {5, 7}, 1, features);
        assertArrayEquals(b, features, "relu(0 u + b) with b > 0");
    }

    @Test
    void resetStartsTheSumsAgain() {
        Model model = smallModel();
        Batch batch = new Batch(4, 1, 5);
        batch.setSize(5);
        new KitStreams(1).stream("x").nextGaussians(batch.x(), 0, 20);
        Arrays.fill(batch.y(), 0, 5, 1);
        GradientAccumulator once = model.newAccumulator(EnumSet.allOf(GradientPart.class));
        once.add(1, batch, 1);
        GradientAccumulator again = model.newAccumulator(EnumSet.allOf(GradientPart.class));
        again.add(0, batch, 3);
        again.reset();
        again.add(1, batch, 1);
        assertArrayEquals(once.head(), again.head());
        assertArrayEquals(once.firstLayer(), again.firstLayer());
        assertArrayEquals(once.bias(), again.bias());
        assertArrayEquals(once.preActivationGram(), again.preActivationGram());
    }

    /** A reference model of width 3 on R^4 with two tasks and logistic loss. */
    private static Model smallModel() {
        return ReferenceModel.architecture(3, Losses.byName("logistic")).build(4, 2, new KitStreams(6).stream("i"));
    }
}
