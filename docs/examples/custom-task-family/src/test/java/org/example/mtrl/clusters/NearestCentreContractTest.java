package org.example.mtrl.clusters;

import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.contract.TaskFamilyContract;

/** The test kit's task-family contract: labels exactly +1 or -1, a function of z alone, and of the streams. */
class NearestCentreContractTest extends TaskFamilyContract {

    @Override
    protected TaskFamily family() {
        return new NearestCentreFamily(new NearestCentrePlugin.Params(4, 6, 1));
    }
}
