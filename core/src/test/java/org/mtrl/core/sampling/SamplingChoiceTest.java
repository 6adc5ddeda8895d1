package org.mtrl.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.data.ProjectingSampleSource;
import org.mtrl.core.testing.RandomBases;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;
import org.mtrl.core.testing.GaussianInputs;

class SamplingChoiceTest {
    private final PoolWorkers workers = new PoolWorkers(1);

    @Test
    void autoProjectsOnlyWhereMPlusRIsAtMostSixTenthsOfD() {
        // m + r = 13: projected from d = 22 on (13 <= 0.6 d)
        assertTrue(choose("auto", 22, true, true).projected());
        assertFalse(choose("auto", 21, true, true).projected());
        assertEquals("direct (auto: m + r = 13 is over 0.6 of d = 21)", choose("auto", 21, true, true).description());
        // at most: m + r = 6 of d = 10 is exactly 0.6 d (0.6 * 10 rounds to 6.0)
        assertTrue(SamplingChoice.autoProjects(10, 6));
        assertFalse(SamplingChoice.autoProjects(10, 7));
    }

    @Test
    void autoSamplesDirectlyWhenAComponentDoesNotAllowProjection() {
        SamplingChoice notGaussian = choose("auto", 1000, false, true);
        assertFalse(notGaussian.projected());
        assertTrue(notGaussian.description().contains("data/test does not declare its inputs standard Gaussian"),
                notGaussian.description());
        SamplingChoice noGram = choose("auto", 1000, true, false);
        assertFalse(noGram.projected());
        assertTrue(noGram.description().contains("model/test does not offer the pre-activation Gram"),
                noGram.description());
    }

    @Test
    void directAndProjectedAreTakenAsConfigured() {
        assertFalse(choose("direct", 1000, true, true).projected());
        assertTrue(choose("projected", 20, true, true).projected(), "even where auto would not");
    }

    @Test
    void projectedOnComponentsThatDoNotAllowItIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> choose("projected", 1000, false, true));
        assertTrue(e.getMessage().contains("data/test does not declare its inputs standard Gaussian"), e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> choose("projected", 1000, true, false));
        assertTrue(m.getMessage().contains("model/test does not offer the pre-activation Gram"), m.getMessage());
    }

    private SamplingChoice choose(String mode, int d, boolean gaussian, boolean gram) {
        RandomStream rng = new SeededRandomStreams(1).stream("test");
        Subspace truth = new Subspace(RandomBases.orthonormal(d, 3, rng));
        DataDistribution data = new GaussianInputs(truth);
        if (!gaussian) {
            data = mock(DataDistribution.class); // standardGaussian() false, as the api's default
            when(data.dim()).thenReturn(d);
            when(data.groundTruth()).thenReturn(truth);
        }
        Problem problem = new Problem(data, List.of((z, n, labels, y) -> { }), new ProjectingSampleSource(data, "test"));
        Model model = mock(Model.class);
        when(model.width()).thenReturn(10);
        when(model.gradientParts()).thenReturn(gram ? EnumSet.allOf(GradientPart.class)
                : EnumSet.of(GradientPart.HEAD, GradientPart.FIRST_LAYER, GradientPart.BIAS));
        return SamplingChoice.of(mode, problem, model, workers, "data/test", "model/test");
    }
}
