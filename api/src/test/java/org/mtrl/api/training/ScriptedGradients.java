package org.mtrl.api.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtrl.api.model.Model;

/**
 * Gradients given by formulas of the model's current parameters, so a test can compute by hand what a
 * method does with them, and which parameters each gradient saw: the head gradient of task t is
 * (t + 1, -(t + 1), ...) alternating in sign plus the task's current head, with loss t + 0.5; the
 * shared gradient of W row j is the sum over the tasks of their current head entry j, in every column,
 * the bias gradient all ones, the loss 2. Every call is recorded as "head|shared tasks plan [bias]".
 */
final class ScriptedGradients implements Gradients {
    final List<String> calls = new ArrayList<>();
    private final Model model;
    private double headGradientScale = 1;

    ScriptedGradients(Model model) {
        this.model = model;
    }

    /** Multiplies every later head gradient, e.g. by NaN to make training diverge. */
    ScriptedGradients headGradientsTimes(double scale) {
        headGradientScale = scale;
        return this;
    }

    @Override
    public HeadGradients headGradients(int[] tasks, SamplePlan plan) {
        calls.add("head " + Arrays.toString(tasks) + " " + plan);
        int m = model.width();
        double[][] gradients = new double[tasks.length][m];
        double[] losses = new double[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            int t = tasks[i];
            for (int j = 0; j < m; j++) {
                gradients[i][j] = headGradientScale * ((j % 2 == 0 ? 1 : -1) * (t + 1) + model.heads().get(t, j));
            }
            losses[i] = t + 0.5;
        }
        return new HeadGradients(tasks.clone(), gradients, losses);
    }

    @Override
    public SharedGradient sharedGradient(int[] tasks, SamplePlan plan, boolean withBias) {
        calls.add("shared " + Arrays.toString(tasks) + " " + plan + (withBias ? " bias" : ""));
        int m = model.width();
        int d = model.inputDim();
        double[] w = new double[m * d];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int t : tasks) {
                sum += model.heads().get(t, j);
            }
            Arrays.fill(w, j * d, (j + 1) * d, sum);
        }
        double[] bias = null;
        if (withBias) {
            bias = new double[m];
            Arrays.fill(bias, 1);
        }
        return new SharedGradient(w, bias, 2);
    }
}
