package org.mtrl.testkit.check;

import java.util.Arrays;
import java.util.stream.Stream;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Model;
import org.mtrl.testkit.KitProblem;
import org.mtrl.testkit.ReferenceModel;

/**
 * The tiny problem ({@value #DIM} dimensions, rank {@value #RANK}, {@value #TASKS} linear-threshold
 * tasks, seed 1) and the reference model (width {@value #WIDTH}, logistic loss) that optimizers train and
 * probes measure in their checks; built afresh for each use, so every use sees the same numbers.
 */
record TinySetup(KitProblem kit, Model model) {
    static final int DIM = 8;
    static final int RANK = 2;
    static final int TASKS = 4;
    static final int WIDTH = 16;

    static TinySetup create() {
        KitProblem kit = KitProblem.gaussian(DIM, RANK).taskCount(TASKS).build();
        Model model = ReferenceModel.architecture(WIDTH, Losses.byName("logistic"))
                .build(DIM, TASKS, kit.streams().stream("model-init"));
        return new TinySetup(kit, model);
    }

    /** Every parameter of the model, flattened: W, then b, then the heads. */
    double[] weights() {
        return Stream.of(model.firstLayer().data(), model.bias(), model.heads().data())
                .flatMapToDouble(Arrays::stream).toArray();
    }
}
