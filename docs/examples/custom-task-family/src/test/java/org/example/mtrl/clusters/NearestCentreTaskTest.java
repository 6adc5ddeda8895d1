package org.example.mtrl.clusters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.Param;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.testkit.KitStreams;

/** What is particular to this family; the contract every family keeps is in {@link NearestCentreContractTest}. */
class NearestCentreTaskTest {

    private static RandomStream stream(long seed) {
        return new KitStreams(seed).stream("test");
    }

    @Test
    void aPointAtACentreTakesThatCentresLabel() {
        NearestCentreTask task = NearestCentreTask.draw(3, 5, 1, stream(1));
        double[] centres = task.centres();
        double[] y = new double[5];
        task.label(centres, 5, stream(2), y);
        assertArrayEquals(task.centreLabels(), y);
    }

    @Test
    void labelsMatchABruteForceNearestCentre() {
        int r = 4;
        NearestCentreTask task = NearestCentreTask.draw(r, 6, 1, stream(3));
        RandomStream rng = stream(4);
        int n = 2000;
        double[] z = new double[n * r];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] y = new double[n];
        task.label(z, n, rng, y);
        double[] c = task.centres();
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int k = 0; k < 6; k++) {
                double distance = 0;
                for (int j = 0; j < r; j++) {
                    distance += Math.pow(z[i * r + j] - c[k * r + j], 2);
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
            assertEquals(task.centreLabels()[best], y[i], "point " + i);
        }
    }

    @Test
    void bothClassesOccurAndHalfTheCentresArePositive() {
        for (long seed = 0; seed < 20; seed++) {
            NearestCentreTask task = NearestCentreTask.draw(2, 4, 1, stream(seed));
            double sum = 0;
            for (double label : task.centreLabels()) {
                sum += label;
            }
            assertEquals(0, sum, "two positive, two negative centres");
        }
    }

    @Test
    void thePluginNamesOneFactoryWithDescribedParameters() {
        var factories = new NearestCentrePlugin().factories();
        assertEquals(1, factories.size());
        ComponentFactory<?, ?> factory = factories.get(0);
        assertEquals("nearest-centre", factory.type());
        for (var component : factory.parameters().getRecordComponents()) {
            Param param = component.getAnnotation(Param.class);
            assertTrue(param != null && !param.value().isBlank(), component.getName());
        }
        var family = new NearestCentreFamily(new NearestCentrePlugin.Params(7, 4, 1));
        assertEquals(7, family.count());
    }
}
