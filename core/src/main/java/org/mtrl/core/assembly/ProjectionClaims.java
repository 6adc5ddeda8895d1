package org.mtrl.core.assembly;

import org.mtrl.api.data.DataDistribution;
import org.mtrl.core.config.ComponentConfig;
import org.mtrl.testkit.check.ContractViolation;
import org.mtrl.testkit.check.DataDistributionChecks;

/**
 * The claim projected sampling takes on the data distribution's word, tested before a run samples
 * projected: that its inputs are N(0, I_d), since it is then never asked for samples. A one-line
 * declaration, easily kept in a copy of the built-in Gaussian that no longer fits it; the test kit's
 * Gaussian test on 1e6 values (in a cold JVM about 30 ms at d = 4000, 0.1 to 0.2 s on the 1e7 values of
 * d = 100,000) makes a false one fail the run, naming the distribution, instead of training on N(0, I)
 * in its place. The model's claims (its
 * Gram, and seeing x only through W x) are its code's, tested by its contract and {@code mtrl plugins
 * --check}: run here, the kit's checks would cost about 0.45 s of a cold JVM, in the model's kernels.
 */
final class ProjectionClaims {
    /** Values the test draws: 1e6 (a quarter of the contract's), in 100 to 20000 points (1e7 at d = 100,000). */
    private static final long VALUES = 1_000_000;

    private ProjectionClaims() {
    }

    static void verify(ComponentConfig<?> dataSlot, DataDistribution data) {
        try {
            new DataDistributionChecks(() -> data, VALUES).declaredGaussianIsStandardGaussian();
        } catch (ContractViolation e) {
            throw Contracts.failure(dataSlot, e.getMessage() + " (sampling: direct does without the claim)", e);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw Contracts.failure(dataSlot, "sample() failed while its inputs were tested for projected sampling: "
                    + Contracts.describe(e), e);
        }
    }
}
