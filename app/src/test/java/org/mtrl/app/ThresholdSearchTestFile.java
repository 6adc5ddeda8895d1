package org.mtrl.app;

/** The threshold search the app's search tests run: a few seconds, shared by the crash test. */
public final class ThresholdSearchTestFile {
    /** A search in a few seconds: n1 = n2 to reach max sin <= 0.5 at d = 10 and 20, two seeds. */
    public static final String SEARCH = """
            data: {type: gaussian, dim: 10, rank: 2}
            tasks: {type: linear-threshold, count: 4}
            model: {type: two-layer-relu, width: 16}
            optimizer: {type: multitask-alternating}
            probes: {subspace-distance: {}}
            search:
              key: optimizer.headSamples=optimizer.repSamples
              target: subspace-distance.max <= 0.5
              start: 20
              max: 1280
              ratio: 1.3
              fit: data.dim
            sweep:
              data.dim: [10, 20]
              seed: 1..2
            figures:
              - {x: data.dim, y: threshold}
            scaling: [tasks.count]
            """;

    private ThresholdSearchTestFile() {
    }
}
