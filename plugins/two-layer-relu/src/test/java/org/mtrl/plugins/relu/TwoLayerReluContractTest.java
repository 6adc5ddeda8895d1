package org.mtrl.plugins.relu;

import java.util.Map;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.Loss;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.testkit.KitComponents;
import org.mtrl.testkit.contract.ArchitectureContract;

/** The two-layer ReLU architecture passes the test kit's contract with each of its losses. */
class TwoLayerReluContractTest extends ArchitectureContract {

    @Override
    protected Architecture architecture(Loss loss) {
        return KitComponents.create(KitComponents.factory(new TwoLayerReluPlugin(), ComponentKind.MODEL, "two-layer-relu"),
                Map.of("width", 7, "loss", loss.name()));
    }
}
