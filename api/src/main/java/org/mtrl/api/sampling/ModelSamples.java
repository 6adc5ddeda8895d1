package org.mtrl.api.sampling;

import org.mtrl.api.data.SampleSource;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;

/**
 * A model together with the samples it is to be fed. Under direct sampling these are the model and
 * the problem's samples (inputs x of dimension d). Under projected sampling they are inputs u = Q^T x
 * of dimension k, with Q^T = {@code basis} (k x d, orthonormal rows spanning the model's first-layer
 * rows and the ground truth), and a model whose first layer is W Q: its features, outputs, losses and
 * head and bias gradients on u are those of the original model on x, and its labels are the same,
 * since z = M^T x = (Q^T M)^T u.
 *
 * @param model       the model to evaluate (the original, or its reduced copy)
 * @param samples     draws labelled samples in the model's input coordinates
 * @param groundTruth the ground truth in those coordinates (its dim and rank size a {@code Batch})
 * @param basis       Q^T (k x d) under projected sampling, {@code null} under direct sampling
 */
public record ModelSamples(Model model, SampleSource samples, Subspace groundTruth, Matrix basis) {

    /** Whether the inputs are projected coordinates u = Q^T x rather than x itself. */
    public boolean projected() {
        return basis != null;
    }
}
