package org.example.mtrl.clusters;

import org.mtrl.api.data.Subspace;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;

/** Draws nearest-centre tasks on the ground truth's rank. */
final class NearestCentreFamily implements TaskFamily {
    private final NearestCentrePlugin.Params params;

    NearestCentreFamily(NearestCentrePlugin.Params params) {
        this.params = params;
    }

    @Override
    public int count() {
        return params.count();
    }

    @Override
    public Task draw(Subspace groundTruth, RandomStream rng) {
        return NearestCentreTask.draw(groundTruth.rank(), params.centres(), params.spread(), rng);
    }
}
