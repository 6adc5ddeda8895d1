package org.mtrl.core.assembly;

import java.util.function.Supplier;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Model;
import org.mtrl.core.config.ComponentConfig;

/**
 * The cheap checks a run makes where components hand each other data: a component that throws
 * something other than a configuration error, or returns shapes that do not fit or non-finite
 * weights, fails the run with a message naming it by kind, type, plugin and origin (jar), instead of
 * an ArrayIndexOutOfBoundsException or a NaN far from the cause.
 */
final class Contracts {
    private Contracts() {
    }

    /**
     * {@code action} of the component in {@code slot}; an {@link IllegalArgumentException} (a
     * configuration error) and allocation failures pass unchanged, anything else fails the run.
     */
    static <T> T call(ComponentConfig<?> slot, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | ArithmeticException | NegativeArraySizeException e) {
            throw e;
        } catch (RunFailedException e) {
            throw e; // already names the component at fault (a task the component called)
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw failure(slot, what + " failed: " + describe(e), e);
        }
    }

    static void require(ComponentConfig<?> slot, boolean holds, Supplier<String> problem) {
        if (!holds) {
            throw failure(slot, problem.get(), null);
        }
    }

    /** A run failure blamed on the component in {@code slot}: its kind, type, plugin and jar come first. */
    static RunFailedException failure(ComponentConfig<?> slot, String problem, Throwable cause) {
        return new RunFailedException(slot.factory().describe() + ": " + problem, cause);
    }

    /** The model's arrays fit each other, d and T, and hold only finite numbers. */
    static void checkModel(ComponentConfig<?> slot, String state, Model model, int dim, int taskCount) {
        Matrix w = model.firstLayer();
        Matrix heads = model.heads();
        int width = w.rows();
        require(slot, w.cols() == dim && model.inputDim() == dim, () -> "the " + state + " model's first layer is "
                + w + " (inputDim() " + model.inputDim() + ") but the inputs have d=" + dim);
        require(slot, model.width() == width && model.bias().length == width && heads.cols() == width,
                () -> "the " + state + " model's shapes do not fit: width() " + model.width() + ", first layer " + w
                        + ", " + model.bias().length + " biases, heads " + heads);
        require(slot, heads.rows() == taskCount && model.taskCount() == taskCount, () -> "the " + state
                + " model has heads " + heads + " (taskCount() " + model.taskCount() + ") for " + taskCount + " tasks");
        require(slot, finite(w.data()) && finite(model.bias()) && finite(heads.data()), () -> "the " + state
                + " model holds non-finite weights (|W|=" + w.frobeniusNorm() + ", |heads|=" + heads.frobeniusNorm() + ")");
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
