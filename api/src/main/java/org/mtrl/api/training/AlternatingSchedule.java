package org.mtrl.api.training;

/**
 * The settings of the multi-task alternating method, shared by the paper's optimizer and the
 * baselines built on it.
 *
 * @param rounds            K
 * @param headSamples       n1, samples per task in each head step
 * @param headStep          eta_a
 * @param headDecay         lambda_a
 * @param repSamples        n2, samples per task in each representation step
 * @param repStep           eta_w
 * @param repDecay          lambda_w
 * @param trainBias         whether the representation step also updates the biases
 * @param fixedSampling     re-use one training set per task every round instead of fresh samples
 * @param learnRepresentation false to skip the representation step (the heads still train)
 */
public record AlternatingSchedule(int rounds, int headSamples, double headStep, double headDecay,
                                  int repSamples, double repStep, double repDecay, boolean trainBias,
                                  boolean fixedSampling, boolean learnRepresentation) {

    public AlternatingSchedule {
        if (rounds < 1 || headSamples < 1 || repSamples < 1) {
            throw new IllegalArgumentException("rounds, headSamples and repSamples must be >= 1");
        }
    }

    /** The same schedule with per-task sample counts multiplied, for a single task given T tasks' budget. */
    public AlternatingSchedule withSamplesTimes(int factor) {
        return new AlternatingSchedule(rounds, Math.multiplyExact(headSamples, factor), headStep, headDecay,
                Math.multiplyExact(repSamples, factor), repStep, repDecay, trainBias, fixedSampling,
                learnRepresentation);
    }

    /** The same schedule without the representation step. */
    public AlternatingSchedule headsOnly() {
        return new AlternatingSchedule(rounds, headSamples, headStep, headDecay, repSamples, repStep, repDecay,
                trainBias, fixedSampling, false);
    }
}
