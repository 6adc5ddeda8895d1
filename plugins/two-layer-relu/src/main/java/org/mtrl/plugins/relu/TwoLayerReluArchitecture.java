package org.mtrl.plugins.relu;

import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.runtime.RandomStream;

/**
 * Builds {@link TwoLayerReluModel}s. Initialisation consumes the stream in a fixed order, so the same
 * stream always gives the same model:
 * <ol>
 *   <li>W, row by row ({@code weightInit});</li>
 *   <li>b: m standard normals times {@code biasScale} (drawn even when biasScale = 0, so the heads
 *       below do not depend on it);</li>
 *   <li>heads, row by row (task 0 first), m standard normals each times {@code headInit}, only when
 *       headInit &gt; 0; otherwise the heads are exactly zero and nothing is drawn.</li>
 * </ol>
 */
public final class TwoLayerReluArchitecture implements Architecture {
    private final int width;
    private final FirstLayerInit weightInit;
    private final double biasScale;
    private final double headInit;
    private final Loss loss;

    public TwoLayerReluArchitecture(TwoLayerReluParams params) {
        this.width = params.width();
        this.weightInit = FirstLayerInit.byName(params.weightInit());
        this.biasScale = params.biasScale();
        this.headInit = params.headInit();
        this.loss = Losses.byName(params.loss());
    }

    @Override
    public Model build(int inputDim, int taskCount, RandomStream init) {
        if (inputDim < 1 || taskCount < 1) {
            throw new IllegalArgumentException(
                    "two-layer-relu needs inputDim >= 1 and taskCount >= 1, got inputDim=" + inputDim
                            + ", taskCount=" + taskCount);
        }
        Matrix firstLayer = Matrix.zeros(width, inputDim);
        weightInit.fill(firstLayer.data(), width, inputDim, init);

        double[] bias = new double[width];
        init.nextGaussians(bias, 0, width);
        for (int j = 0; j < width; j++) {
            // biasScale = 0 must give +0.0, not the -0.0 of 0 times a negative draw
            bias[j] = biasScale == 0 ? 0.0 : biasScale * bias[j];
        }

        Matrix heads = Matrix.zeros(taskCount, width);
        if (headInit > 0) {
            double[] a = heads.data();
            init.nextGaussians(a, 0, a.length);
            for (int i = 0; i < a.length; i++) {
                a[i] *= headInit;
            }
        }
        return new TwoLayerReluModel(firstLayer, bias, heads, loss);
    }

    @Override
    public String toString() {
        return "two-layer-relu(width=" + width + ", weightInit=" + weightInit + ", biasScale=" + biasScale
                + ", headInit=" + headInit + ", loss=" + loss.name() + ")";
    }
}
