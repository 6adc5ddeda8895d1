package org.mtrl.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat's tables against their definition: 256 layers of equal area v under f(x) = exp(-x^2/2),
 * the first beyond x_1 = r holding the tail, the last ending at x_256 = 0; and each layer's core, the
 * share of its box that lies under the next layer's edge, accepted without evaluating f.
 */
class ZigguratTablesTest {
    private static final double R = 3.6541528853610088;
    private static final double V = 0.00492867323399;

    private static double edge(int layer) {
        return NormalZiggurat.WIDTH[layer] * 0x1p52;
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    @Test
    void theTailLayerHoldsTheBoxUnderFOfRAndTheTailBeyondR() {
        assertEquals(R, edge(1), 0.0);
        double tail = Math.sqrt(2 * Math.PI) * new NormalDistribution(0, 1).cumulativeProbability(-R);
        assertEquals(V, R * f(R) + tail, 1e-12, "the constants r and v belong together");
        assertEquals(V, edge(0) * f(R), 1e-16, "the base layer is widened to area v");
    }

    @Test
    void everyLayerHasAreaVAndTheEdgesFallToZero() {
        for (int i = 1; i < NormalZiggurat.LAYERS; i++) {
            double next = i + 1 < NormalZiggurat.LAYERS ? edge(i + 1) : 0;
            assertTrue(next < edge(i), "edges decrease at layer " + i);
            assertEquals(V, edge(i) * (f(next) - f(edge(i))), 1e-9, "area of layer " + i);
        }
    }

    @Test
    void aLayersCoreEndsAtTheNextLayersEdge() {
        assertEquals((long) (R / edge(0) * 0x1p52), NormalZiggurat.CORE[0]);
        for (int i = 1; i < NormalZiggurat.LAYERS - 1; i++) {
            assertEquals((long) (edge(i + 1) / edge(i) * 0x1p52), NormalZiggurat.CORE[i], "core of layer " + i);
        }
        assertEquals(0, NormalZiggurat.CORE[NormalZiggurat.LAYERS - 1], "the top layer has no core: x_256 = 0");
    }

    @Test
    void wedgeDrawsAreInsideTheirLayerAndRejectionsAreNaN() {
        XoShiRoStream rng = new XoShiRoStream(4);
        int layer = 100;
        long s = NormalZiggurat.CORE[layer] + (1L << 40); // just outside the core
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            double z = NormalZiggurat.outsideCore(layer, s, rng);
            if (!Double.isNaN(z)) {
                accepted++;
                assertEquals(s * NormalZiggurat.WIDTH[layer], z, 0.0);
            }
        }
        // just past the core the wedge lies almost wholly under f: nearly every attempt is accepted
        assertTrue(accepted > 9_000 && accepted < 10_000, "accepted " + accepted);
        long outer = (long) 0x1p52; // the box's far corner: f there is at the box's bottom edge
        int outerAccepted = 0;
        for (int i = 0; i < 10_000; i++) {
            outerAccepted += Double.isNaN(NormalZiggurat.outsideCore(layer, outer, rng)) ? 0 : 1;
        }
        assertTrue(outerAccepted < 100, "accepted at the corner " + outerAccepted);
    }
}
