package org.mtrl.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.core.config.ComponentConfig;
import org.mtrl.core.plugin.RegisteredFactory;
import org.mtrl.testkit.KitProblem;

/** Before a projected run, the distribution's claim to be N(0, I) is tested, and a false one fails the run naming it. */
class ProjectionClaimsTest {
    private record None() {
    }

    private static final DataDistribution GAUSSIAN = KitProblem.gaussian(12, 2).seed(4).build().problem().distribution();
    private static final ComponentConfig<DataDistribution> SLOT = slot();

    @Test
    void trueGaussianInputsPass() {
        ProjectionClaims.verify(SLOT, GAUSSIAN);
    }

    @Test
    void inputsThatAreNotStandardGaussianFailTheRunNamingTheDistribution() {
        RunFailedException e = assertThrows(RunFailedException.class, () -> ProjectionClaims.verify(SLOT, declared(
                (rng, x, n) -> {
                    GAUSSIAN.sample(rng, x, n);
                    for (int i = 0; i < n * GAUSSIAN.dim(); i++) {
                        x[i] *= 1.1;
                    }
                })));
        assertTrue(e.getMessage().startsWith("data/claimed from plugin 'test' (test.jar): declares standardGaussian(),"
                + " but its inputs' second moment of all values is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(sampling: direct does without the claim)"), e.getMessage());
    }

    @Test
    void aDistributionThatFailsWhileTestedFailsTheRunNamingIt() {
        RunFailedException e = assertThrows(RunFailedException.class, () -> ProjectionClaims.verify(SLOT, declared(
                (rng, x, n) -> {
                    throw new IllegalStateException("out of samples");
                })));
        assertEquals("data/claimed from plugin 'test' (test.jar): sample() failed while its inputs were tested for"
                + " projected sampling: IllegalStateException: out of samples", e.getMessage());
    }

    private interface Sampler {
        void sample(RandomStream rng, double[] x, int n);
    }

    /** The Gaussian's dimension and ground truth, declared standard Gaussian, sampled by {@code sampler}. */
    private static DataDistribution declared(Sampler sampler) {
        return new DataDistribution() {
            @Override
            public int dim() {
                return GAUSSIAN.dim();
            }

            @Override
            public Subspace groundTruth() {
                return GAUSSIAN.groundTruth();
            }

            @Override
            public void sample(RandomStream rng, double[] x, int n) {
                sampler.sample(rng, x, n);
            }

            @Override
            public boolean standardGaussian() {
                return true;
            }
        };
    }

    private static ComponentConfig<DataDistribution> slot() {
        ComponentFactory<None, DataDistribution> factory = ComponentFactory.of(ComponentKind.DATA, "claimed",
                "a test distribution", None.class, (parameters, context) -> null);
        return new ComponentConfig<>("data", new RegisteredFactory<>(factory, "test", "test.jar", List.of()), new None());
    }
}
