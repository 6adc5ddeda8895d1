package org.mtrl.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Subspace;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.testing.RandomBases;

/** The coordinates u in a basis of k directions are k of the stream's normals per point, nothing else. */
class ReducedGaussianTest {

    @Test
    void samplesAreTheStreamsNormalsInKDimensions() {
        Subspace truth = new Subspace(RandomBases.orthonormal(7, 2, new SeededRandomStreams(1).stream("truth")));
        ReducedGaussian u = new ReducedGaussian(truth);
        assertEquals(7, u.dim());
        assertSame(truth, u.groundTruth());
        assertTrue(u.standardGaussian(), "u = Q^T x ~ N(0, I_k)");

        double[] drawn = new double[4 * 7 + 1];
        drawn[4 * 7] = 42; // past the n points: left alone
        u.sample(new SeededRandomStreams(2).stream("u"), drawn, 4);
        double[] normals = new double[4 * 7 + 1];
        new SeededRandomStreams(2).stream("u").nextGaussians(normals, 0, 4 * 7);
        normals[4 * 7] = 42;
        assertArrayEquals(normals, drawn);
    }
}
