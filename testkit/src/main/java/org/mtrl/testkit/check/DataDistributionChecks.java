package org.mtrl.testkit.check;

import static org.mtrl.testkit.check.ContractViolation.require;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Subspace;
import org.mtrl.testkit.KitStreams;

/**
 * The contract of a {@link DataDistribution}: a ground truth of {@code dim()} rows, finite inputs, and
 * inputs that are a function of the stream they are drawn from.
 */
public final class DataDistributionChecks {
    private static final int POINTS = 64;

    private final Supplier<DataDistribution> distribution;

    /** @param distribution creates the distribution under test (called once per check) */
    public DataDistributionChecks(Supplier<DataDistribution> distribution) {
        this.distribution = distribution;
    }

    /** Every check, in the order they are reported. */
    public List<ContractCheck> all() {
        return List.of(
                new ContractCheck("groundTruth() has dim() rows", this::groundTruthFits),
                new ContractCheck("inputs are finite and a function of their stream", this::finiteAndDeterministic));
    }

    public void groundTruthFits() {
        DataDistribution data = distribution.get();
        Subspace truth = data.groundTruth();
        require(truth != null, "groundTruth() returned null");
        require(data.dim() > 0 && truth.dim() == data.dim(), "groundTruth() is " + truth.basis() + " but dim() is "
                + data.dim());
    }

    public void finiteAndDeterministic() {
        DataDistribution data = distribution.get();
        double[] first = sample(data);
        for (int i = 0; i < first.length; i++) {
            require(Double.isFinite(first[i]), "sample() gave x[" + i / data.dim() + "][" + i % data.dim() + "] = "
                    + first[i] + ": inputs must be finite");
        }
        require(Arrays.equals(first, sample(distribution.get())), "two samples from the same stream differ:"
                + " use only the stream given to sample()");
    }

    private static double[] sample(DataDistribution data) {
        double[] x = new double[POINTS * data.dim()];
        data.sample(new KitStreams(21).stream("inputs"), x, POINTS);
        return x;
    }
}
