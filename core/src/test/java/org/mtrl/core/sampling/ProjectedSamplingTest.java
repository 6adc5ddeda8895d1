package org.mtrl.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.api.sampling.ModelSamples;
import org.mtrl.api.sampling.Sampling;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.ReferenceModel;

/** The projected model and samples stand in for the model on x = Q u, and the basis is reused while W stays. */
class ProjectedSamplingTest {

    /** The test kit's reference network of width 4 on {@code tiny}'s sizes. */
    private static Model model(KitProblem tiny) {
        return ReferenceModel.architecture(4, Losses.byName("logistic")).build(tiny.problem().groundTruth().dim(),
                tiny.problem().taskCount(), tiny.streams().stream("init"));
    }

    @Test
    void theReducedModelAndSamplesAreTheModelOnXEqualsQU() {
        KitProblem tiny = KitProblem.gaussian(30, 2).taskCount(2).seed(3).build();
        Model model = model(tiny);
        try (PoolWorkers workers = new PoolWorkers(2)) {
            ModelSamples fed = new ProjectedSampling(tiny.problem(), workers).forModel(model);
            Matrix q = fed.basis();
            int k = q.rows();
            assertEquals(6, k, "r + m");
            assertTrue(fed.projected());
            assertEquals(k, fed.model().inputDim());
            assertTrue(tiny.problem().distribution().standardGaussian());

            Batch batch = new Batch(k, 2, 5);
            fed.samples().draw(tiny.problem().tasks().get(1), new SeededRandomStreams(9).stream("u"), batch, 5);
            double[] x = new double[5 * 30];
            for (int s = 0; s < 5; s++) {
                for (int a = 0; a < k; a++) {
                    for (int j = 0; j < 30; j++) {
                        x[s * 30 + j] += batch.x()[s * k + a] * q.get(a, j);
                    }
                }
            }
            double[] z = new double[5 * 2];
            tiny.problem().groundTruth().project(x, 5, z);
            double[] reducedFeatures = new double[5 * 4];
            double[] features = new double[5 * 4];
            fed.model().features(batch.x(), 5, reducedFeatures);
            model.features(x, 5, features);
            for (int i = 0; i < 10; i++) {
                assertEquals(z[i], batch.z()[i], 1e-12, "labels see M^T x");
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(features[i], reducedFeatures[i], 1e-12, "features see W x");
            }
            assertEquals(model.heads().get(1, 2), fed.model().heads().get(1, 2));
        }
    }

    @Test
    void theBasisIsKeptWhileTheFirstLayerStaysAndRebuiltWhenItChanges() {
        KitProblem tiny = KitProblem.gaussian(30, 2).taskCount(2).seed(5).build();
        Model model = model(tiny);
        try (PoolWorkers workers = new PoolWorkers(1)) {
            ProjectedSampling sampling = new ProjectedSampling(tiny.problem(), workers);
            Matrix first = sampling.forModel(model).basis();
            assertSame(first, sampling.forModel(model).basis());
            model.firstLayer().data()[7] += 1;
            assertNotSame(first, sampling.forModel(model).basis());
        }
    }

    /**
     * A tiny step (small learning rates) changes only the last bits of W's entries; it must still be seen
     * as a new first layer. FNV-1a sees every one-bit change of one entry: each step is a bijection of the
     * hash so far.
     */
    @Test
    void aChangeInTheLastBitOfAnyEntryRebuildsTheBasis() {
        KitProblem tiny = KitProblem.gaussian(30, 2).taskCount(2).seed(5).build();
        Model model = model(tiny);
        double[] w = model.firstLayer().data();
        try (PoolWorkers workers = new PoolWorkers(1)) {
            ProjectedSampling sampling = new ProjectedSampling(tiny.problem(), workers);
            Matrix before = sampling.forModel(model).basis();
            for (int entry : new int[] {0, 7, 64, w.length - 1}) {
                w[entry] = Math.nextUp(w[entry]);
                Matrix after = sampling.forModel(model).basis();
                assertNotSame(before, after, "entry " + entry);
                before = after;
            }
        }
    }

    @Test
    void directSamplingFeedsTheModelItself() {
        KitProblem tiny = KitProblem.gaussian(10, 2).taskCount(1).seed(7).build();
        Model model = model(tiny);
        ModelSamples fed = Sampling.direct(tiny.problem()).forModel(model);
        assertSame(model, fed.model());
        assertSame(tiny.problem().samples(), fed.samples());
        assertNull(fed.basis());
        assertTrue(!fed.projected());
    }
}
