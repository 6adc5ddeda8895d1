package org.mtrl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.Batch;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.optim.RoundStats;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.optim.TrainingResult;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.check.ArchitectureChecks;
import org.mtrl.testkit.check.ContractCheck;
import org.mtrl.testkit.check.ContractViolation;
import org.mtrl.testkit.check.DataDistributionChecks;
import org.mtrl.testkit.check.OptimizerChecks;
import org.mtrl.testkit.check.ProbeChecks;
import org.mtrl.testkit.check.TaskFamilyChecks;

/**
 * Each check, called directly, fails a component broken in the one way it guards against, with a message
 * saying what is wrong; and the kit's own components pass every check. (ContractsBiteTest runs the JUnit
 * contracts; this pins every check the contracts and {@code mtrl plugins --check} share.)
 */
class ChecksFailBrokenComponentsTest {
    private static final Loss LOGISTIC = Losses.byName("logistic");

    private static void fails(Runnable check, String expected) {
        ContractViolation e = assertThrows(ContractViolation.class, check::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void passes(List<ContractCheck> checks, int count) {
        assertEquals(count, checks.size());
        for (ContractCheck check : checks) {
            ContractCheck.Outcome outcome = check.run();
            assertTrue(outcome.passed(), check.name() + ": " + outcome.reason());
        }
    }

    // ---- task families

    /** The kit's linear thresholds with each drawn task changed by {@code broken}. */
    private static TaskFamily thresholds(int count, UnaryOperator<Task> broken) {
        TaskFamily thresholds = KitProblem.linearThresholds(4);
        return new TaskFamily() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public Task draw(Subspace truth, RandomStream rng) {
                return broken.apply(thresholds.draw(truth, rng));
            }
        };
    }

    private static TaskFamilyChecks familyChecks(TaskFamily family) {
        return new TaskFamilyChecks(() -> family, 8, 2);
    }

    @Test
    void aFamilyOfNoTasksFailsTheCountCheck() {
        fails(familyChecks(thresholds(0, task -> task))::countIsPositive, "must be positive, got 0");
    }

    @Test
    void aFamilyDrawingNoTaskFails() {
        fails(familyChecks(thresholds(4, task -> null))::labelsArePlusOrMinusOne, "draw() returned no task (null)");
    }

    @Test
    void aTaskLabellingMinusTwoFailsTheLabelCheck() {
        TaskFamily doubled = thresholds(4, task -> (z, n, rng, y) -> {
            task.label(z, n, rng, y);
            y[n - 1] = -2;
        });
        fails(familyChecks(doubled)::labelsArePlusOrMinusOne, "labelled point 255 with -2.0");
    }

    @Test
    void aTaskThatOverwritesItsInputsFailsTheZCheck() {
        TaskFamily overwriting = thresholds(4, task -> (z, n, rng, y) -> {
            task.label(z, n, rng, y);
            z[0] += 1;
        });
        fails(familyChecks(overwriting)::labelsDependOnlyOnZ, "changed the projections z");
    }

    /**
     * Moving x orthogonally to M changes z only by rounding: a task that reads z's lowest bits (as one
     * recomputing z from x its own way would) labels the moved points otherwise.
     */
    @Test
    void aTaskReadingMoreThanZFailsTheZCheck() {
        TaskFamily bitReader = thresholds(4, task -> (z, n, rng, y) -> {
            for (int k = 0; k < n; k++) {
                y[k] = (Double.doubleToRawLongBits(z[2 * k]) & 1) == 0 ? 1 : -1;
            }
        });
        fails(familyChecks(bitReader)::labelsDependOnlyOnZ, "once x moves orthogonally to the ground truth");
    }

    @Test
    void aFamilyWithHiddenStateFailsTheDeterminismCheck() {
        AtomicInteger draws = new AtomicInteger();
        TaskFamily flipping = thresholds(4, task -> {
            double sign = draws.incrementAndGet() % 2 == 0 ? 1 : -1;
            return (z, n, rng, y) -> {
                task.label(z, n, rng, y);
                for (int k = 0; k < n; k++) {
                    y[k] *= sign;
                }
            };
        });
        fails(familyChecks(flipping)::deterministicPerStream, "gave different labels");
    }

    @Test
    void theKitsThresholdsPassEveryTaskCheck() {
        passes(familyChecks(KitProblem.linearThresholds(4)).all(), 4);
    }

    // ---- architectures

    /** The reference architecture of width 6 with each built model changed by {@code broken}. */
    private static ArchitectureChecks architectureChecks(Function<Model, Model> broken) {
        Architecture reference = ReferenceModel.architecture(6, LOGISTIC);
        return new ArchitectureChecks(() -> (d, tasks, init) -> broken.apply(reference.build(d, tasks, init)));
    }

    /** The reference model whose accumulators are changed by {@code broken}. */
    private static ArchitectureChecks brokenGradients(UnaryOperator<GradientAccumulator> broken) {
        return architectureChecks(model -> withAccumulators(model, broken));
    }

    /** {@code model} whose accumulators are changed by {@code broken}. */
    private static Model withAccumulators(Model model, UnaryOperator<GradientAccumulator> broken) {
        return new ForwardingModel(model) {
            @Override
            public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
                return broken.apply(model.newAccumulator(parts));
            }
        };
    }

    @Test
    void theReferenceModelPassesEveryArchitectureCheck() {
        passes(architectureChecks(model -> model).all(), 7);
    }

    /** The reference model whose withFirstLayer is {@code broken}: given this model, W' and b'. */
    private static ArchitectureChecks brokenWithFirstLayer(BrokenWithFirstLayer broken) {
        return architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public Model withFirstLayer(Matrix firstLayer, double[] bias) {
                return broken.apply(model, firstLayer, bias);
            }
        });
    }

    private interface BrokenWithFirstLayer {
        Model apply(Model model, Matrix firstLayer, double[] bias);
    }

    /**
     * withFirstLayer ignoring what it is given, keeping the old biases, sharing the heads, changing the
     * model it is called on, refusing another input dimension or giving a model with wrong gradients fails.
     */
    @Test
    void aWithFirstLayerThatDoesNotUseWhatItIsGivenFails() {
        fails(brokenWithFirstLayer((model, w, b) -> model)::withFirstLayerUsesWhatItIsGiven,
                "withFirstLayer() given a first layer of 6 x 7 gave a model of inputDim 5");
        fails(brokenWithFirstLayer((model, w, b) -> model.withFirstLayer(w, model.bias().clone()))
                ::withFirstLayerUsesWhatItIsGiven, "does not hold the first layer and biases it was given");
        fails(brokenWithFirstLayer((model, w, b) -> model.withFirstLayer(Matrix.zeros(w.rows(), w.cols()), b))
                ::withFirstLayerUsesWhatItIsGiven, "does not hold the first layer and biases it was given");
        fails(brokenWithFirstLayer((model, w, b) -> model.withFirstLayer(w, new double[b.length]))
                ::withFirstLayerUsesWhatItIsGiven, "does not hold the first layer and biases it was given");
        fails(brokenWithFirstLayer((model, w, b) -> null)::withFirstLayerUsesWhatItIsGiven,
                "withFirstLayer() returned no model (null)");
        fails(brokenWithFirstLayer((model, w, b) -> new ReferenceModel(w, b, Matrix.zeros(3, 6), model.loss()))
                ::withFirstLayerUsesWhatItIsGiven, "withFirstLayer()'s model has other heads");
        fails(brokenWithFirstLayer((model, w, b) -> new ReferenceModel(w, b, model.heads(), model.loss()))
                ::withFirstLayerUsesWhatItIsGiven, "shares its heads");
        fails(brokenWithFirstLayer((model, w, b) -> {
            model.bias()[0] = 0;
            return model.withFirstLayer(w, b);
        })::withFirstLayerUsesWhatItIsGiven, "changed the model it was called on");
        ContractCheck.Outcome refused = new ContractCheck("other dimension", brokenWithFirstLayer((model, w, b) -> {
            throw new IllegalArgumentException("W must be " + model.width() + " x " + model.inputDim());
        })::withFirstLayerUsesWhatItIsGiven).run();
        assertEquals("threw IllegalArgumentException: W must be 6 x 5", refused.reason());
        fails(brokenWithFirstLayer((model, w, b) -> new ForwardingModel(model.withFirstLayer(w, b)) {
            @Override
            public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
                return new ForwardingAccumulator(super.newAccumulator(parts)) {
                    @Override
                    public double[] bias() {
                        return scaled(right.bias(), -1);
                    }
                };
            }
        })::withFirstLayerUsesWhatItIsGiven, "gradient of the bias of withFirstLayer()'s model entry");
    }

    /** The reference model with its Gram, as its accumulators return it, changed by {@code broken}. */
    private static ArchitectureChecks brokenGram(UnaryOperator<double[]> broken) {
        return brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] preActivationGram() {
                return broken.apply(right.preActivationGram().clone());
            }
        });
    }

    /**
     * A Gram without the loss scale (c from l' instead of scale * l', so 4 times too large at the check's
     * scale 1/2), without its cross terms, or of |c| instead of c, fails; so does a model that offers the
     * Gram but whose accumulator cannot give it.
     */
    @Test
    void aGramOtherThanTheSumOfPerSampleOuterProductsFails() {
        String message = "pre-activation Gram entry";
        fails(brokenGram(gram -> scaled(gram, 4))::gramIsTheSumOfPerSampleOuterProducts, message);
        fails(brokenGram(gram -> {
            int m = (int) Math.round(Math.sqrt(gram.length));
            for (int i = 0; i < gram.length; i++) {
                gram[i] = i / m == i % m ? gram[i] : 0;
            }
            return gram;
        })::gramIsTheSumOfPerSampleOuterProducts, message);
        fails(brokenGram(gram -> {
            for (int i = 0; i < gram.length; i++) {
                gram[i] = Math.abs(gram[i]);
            }
            return gram;
        })::gramIsTheSumOfPerSampleOuterProducts, message);
        fails(brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] preActivationGram() {
                return new double[4];
            }
        })::gramIsTheSumOfPerSampleOuterProducts, "preActivationGram() has 4 entries, expected m x m = 36");
        ContractCheck.Outcome missing = new ContractCheck("gram", brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] preActivationGram() {
                throw new IllegalStateException("this accumulator does not compute PRE_ACTIVATION_GRAM");
            }
        })::gramIsTheSumOfPerSampleOuterProducts).run();
        assertTrue(!missing.passed() && missing.reason().contains("does not compute PRE_ACTIVATION_GRAM"),
                missing.reason());
    }

    /**
     * A Gram off by 2e-9 of its largest entry in one entry is caught, by 5e-10 it passes: the check allows
     * rounding (1e-9 of the largest entry) and no more.
     */
    @Test
    void aGramOffByMoreThanRoundingFails() {
        fails(gramOffBy(2e-9)::gramIsTheSumOfPerSampleOuterProducts, "pre-activation Gram entry 35");
        gramOffBy(5e-10).gramIsTheSumOfPerSampleOuterProducts();
    }

    private static ArchitectureChecks gramOffBy(double relative) {
        return brokenGram(gram -> {
            double largest = Arrays.stream(gram).map(Math::abs).max().orElse(0);
            gram[gram.length - 1] += relative * largest;
            return gram;
        });
    }

    /** A model offering the Gram whose first-layer gradients and Gram are all zero cannot pass by comparing zeros. */
    @Test
    void aGramCheckThatSeesOnlyZerosFails() {
        fails(brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] firstLayer() {
                return new double[right.firstLayer().length];
            }

            @Override
            public double[] preActivationGram() {
                return new double[right.preActivationGram().length];
            }
        })::gramIsTheSumOfPerSampleOuterProducts, "every sample's first-layer gradient is zero");
    }

    /**
     * An architecture that starts from zero heads, as the paper's does, is checked with random heads: its
     * first layer's and biases' gradients, all zero at zero heads, would otherwise hide a wrong sign.
     */
    @Test
    void anArchitectureStartingFromZeroHeadsIsCheckedWithRandomHeads() {
        fails(architectureChecks(model -> {
            Arrays.fill(model.heads().data(), 0);
            return withAccumulators(model, right -> new ForwardingAccumulator(right) {
                @Override
                public double[] firstLayer() {
                    return scaled(right.firstLayer(), -1);
                }
            });
        })::gradientsMatchFiniteDifferences, "gradient of the first layer (task 0) entry");
    }

    /**
     * A model that offers the Gram but also reads x itself (here a skip term 0.1 x_0 on every feature,
     * kept by withFirstLayer) fails the rotation check: projected sampling would give it the wrong x.
     */
    @Test
    void aModelThatReadsXBesidesWXFailsTheRotationCheck() {
        fails(architectureChecks(ChecksFailBrokenComponentsTest::withSkipTerm)::seesInputsOnlyThroughTheFirstLayer,
                " of W Q on u = Q^T x is ");
    }

    private static Model withSkipTerm(Model model) {
        return new ForwardingModel(model) {
            @Override
            public void features(double[] x, int n, double[] out) {
                model.features(x, n, out);
                int d = inputDim();
                int m = width();
                for (int s = 0; s < n; s++) {
                    for (int j = 0; j < m; j++) {
                        out[s * m + j] += 0.1 * x[s * d];
                    }
                }
            }

            @Override
            public Model withFirstLayer(Matrix firstLayer, double[] bias) {
                return withSkipTerm(model.withFirstLayer(firstLayer, bias));
            }
        };
    }

    /** The reference model whose withFirstLayer models have accumulators changed by {@code broken}. */
    private static ArchitectureChecks brokenRotatedGradients(UnaryOperator<GradientAccumulator> broken) {
        return brokenWithFirstLayer((model, w, b) -> withAccumulators(model.withFirstLayer(w, b), broken));
    }

    /**
     * A model whose features agree on rotated inputs but whose loss, head, bias or first-layer gradient
     * (not G Q) there does not, fails.
     */
    @Test
    void gradientsThatAreNotCarriedByTheRotationFail() {
        fails(brokenRotatedGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double add(int task, Batch batch, double scale) {
                return 1.001 * right.add(task, batch, scale);
            }
        })::seesInputsOnlyThroughTheFirstLayer, "summed loss 0 (task 0) on u is");
        fails(brokenRotatedGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] head() {
                return scaled(right.head(), 1.001);
            }
        })::seesInputsOnlyThroughTheFirstLayer, "head gradient entry");
        fails(brokenRotatedGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] bias() {
                return scaled(right.bias(), 1.001);
            }
        })::seesInputsOnlyThroughTheFirstLayer, "bias gradient entry");
        fails(brokenRotatedGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] firstLayer() {
                return scaled(right.firstLayer(), -1);
            }
        })::seesInputsOnlyThroughTheFirstLayer, "first-layer gradient entry");
    }

    /**
     * A model that does not offer the Gram is never asked for it, and passes both Gram checks at once: they
     * do not apply to it, even when it reads x besides W x (as it may).
     */
    @Test
    void theGramChecksDoNotApplyToAModelThatDoesNotOfferTheGram() {
        passes(architectureChecks(ChecksFailBrokenComponentsTest::withoutGram).all(), 7);
        ArchitectureChecks skipping = architectureChecks(model -> withoutGram(withSkipTerm(model)));
        skipping.gramIsTheSumOfPerSampleOuterProducts();
        skipping.seesInputsOnlyThroughTheFirstLayer();
    }

    /** The model as one that offers the three parameter groups only, and refuses to be asked for more. */
    private static Model withoutGram(Model model) {
        return new ForwardingModel(model) {
            @Override
            public Set<GradientPart> gradientParts() {
                return EnumSet.of(GradientPart.HEAD, GradientPart.FIRST_LAYER, GradientPart.BIAS);
            }

            @Override
            public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
                if (parts.contains(GradientPart.PRE_ACTIVATION_GRAM)) {
                    throw new IllegalArgumentException("this model does not offer " + parts);
                }
                return super.newAccumulator(parts);
            }
        };
    }

    @Test
    void anArchitectureBuildingNoModelFails() {
        fails(architectureChecks(model -> null)::shapes, "build() returned no model (null)");
    }

    @Test
    void parametersOfOtherShapesFailTheShapeCheck() {
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public int inputDim() {
                return 4;
            }
        })::shapes, "gave a model of inputDim 4 and taskCount 3");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public int taskCount() {
                return 2;
            }
        })::shapes, "gave a model of inputDim 5 and taskCount 2");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public int width() {
                return 0;
            }
        })::shapes, "width() must be positive, got 0");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public Matrix firstLayer() {
                return Matrix.zeros(6, 4);
            }
        })::shapes, "expected 6 x 5");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public Matrix firstLayer() {
                return Matrix.zeros(5, 5);
            }
        })::shapes, "expected 6 x 5");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public double[] bias() {
                return new double[5];
            }
        })::shapes, "bias() has 5 entries, expected 6");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public Matrix heads() {
                return Matrix.zeros(2, 6);
            }
        })::shapes, "expected 3 x 6");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public Matrix heads() {
                return Matrix.zeros(3, 5);
            }
        })::shapes, "expected 3 x 6");
        fails(architectureChecks(model -> new ForwardingModel(model) {
            @Override
            public Loss loss() {
                return null;
            }
        })::shapes, "loss() returned null");
    }

    @Test
    void aWrongHeadOrBiasGradientFailsTheFiniteDifferenceCheck() {
        fails(brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] head() {
                return scaled(right.head(), 1.01);
            }
        })::gradientsMatchFiniteDifferences, "gradient of the head 0 entry");
        fails(brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] bias() {
                return scaled(right.bias(), 1.01);
            }
        })::gradientsMatchFiniteDifferences, "gradient of the bias (task 0) entry");
    }

    /**
     * A gradient off by 1e-4 of the largest entry is caught (the tolerance is 1e-5 of it): the check is
     * not loose enough to pass a gradient that is nearly right.
     */
    @Test
    void aSlightlyWrongFirstLayerGradientFails() {
        fails(brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double[] firstLayer() {
                double[] g = right.firstLayer().clone();
                double largest = 0;
                for (double v : g) {
                    largest = Math.max(largest, Math.abs(v));
                }
                g[g.length - 1] += 1e-4 * Math.max(1, largest);
                return g;
            }
        })::gradientsMatchFiniteDifferences, "gradient of the first layer (task 0) entry 29");
    }

    @Test
    void aSummedLossOtherThanTheFeaturesGiveFailsTheLossCheck() {
        fails(brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double add(int task, Batch batch, double scale) {
                return 1.001 * right.add(task, batch, scale);
            }
        })::lossMatchesFeatures, "add() on task 0 returned the summed loss");
    }

    /** A summed loss off by half the tolerance (1e-5 of the loss) still passes: the check is not stricter than it says. */
    @Test
    void aSummedLossWithinTheToleranceStillPasses() {
        brokenGradients(right -> new ForwardingAccumulator(right) {
            @Override
            public double add(int task, Batch batch, double scale) {
                return (1 + 5e-6) * right.add(task, batch, scale);
            }
        }).lossMatchesFeatures();
    }

    /**
     * Features that differ in the last bits on a helper thread fail the thread check. The check builds one
     * model for its one-thread run, then one for its four-thread run; in the second, the caller's first
     * unit waits until a helper has run one, so that a helper surely computes some unit.
     */
    @Test
    void aModelWhoseNumbersDependOnItsThreadFailsTheThreadCheck() {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch helperRan = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Architecture reference = ReferenceModel.architecture(6, LOGISTIC);
        ArchitectureChecks checks = new ArchitectureChecks(() -> (d, tasks, init) -> {
            Model model = reference.build(d, tasks, init);
            boolean fourThreadRun = builds.incrementAndGet() == 2;
            return new ForwardingModel(model) {
                @Override
                public void features(double[] x, int n, double[] out) {
                    model.features(x, n, out);
                    if (Thread.currentThread() != caller) {
                        out[0] += 1e-9;
                        helperRan.countDown();
                    } else if (fourThreadRun) {
                        awaitQuietly(helperRan);
                    }
                }
            };
        });
        fails(checks::sameBitsOnAnyThreads, "chunk ");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    // ---- optimizers

    /** Takes one head step, then lets {@code broken} change the model or the result. */
    private static OptimizerChecks optimizerChecks(Optimizer optimizer) {
        return new OptimizerChecks(() -> optimizer, problem -> (long) problem.taskCount() * 64);
    }

    private static Optimizer afterHeadStep(Function<Model, TrainingResult> broken) {
        return (model, context) -> {
            new HeadDescent(64, 64).train(model, context);
            return broken.apply(model);
        };
    }

    private static TrainingResult stats(double value, List<Integer> trained) {
        return new TrainingResult(List.of(new RoundStats(0, Map.of("loss", value))), trained);
    }

    @Test
    void aHeadStepPassesEveryOptimizerCheck() {
        passes(optimizerChecks(new HeadDescent(64, 64)).all(), 4);
    }

    @Test
    void anOptimizerReturningNoResultFails() {
        fails(optimizerChecks(afterHeadStep(model -> null))::trainsWithoutDivergence, "train() returned no result");
    }

    @Test
    void nonFiniteWeightsOrStatisticsFailTheDivergenceCheck() {
        fails(optimizerChecks(afterHeadStep(model -> {
            model.heads().data()[0] = Double.POSITIVE_INFINITY;
            return stats(1, List.of(0));
        }))::trainsWithoutDivergence, "non-finite weight: Infinity");
        fails(optimizerChecks(afterHeadStep(model -> stats(Double.NaN, List.of(0))))::trainsWithoutDivergence,
                "reports loss = NaN");
    }

    @Test
    void trainedTasksThatDoNotExistFail() {
        fails(optimizerChecks(afterHeadStep(model -> stats(1, List.of(4))))::trainsWithoutDivergence,
                "names task 4 of 4");
        fails(optimizerChecks(afterHeadStep(model -> stats(1, List.of(-1))))::trainsWithoutDivergence,
                "names task -1 of 4");
    }

    @Test
    void anOptimizerWithHiddenStateFailsTheDeterminismCheck() {
        AtomicInteger trainings = new AtomicInteger();
        fails(optimizerChecks(afterHeadStep(model -> {
            model.heads().data()[0] += trainings.incrementAndGet();
            return stats(1, List.of(0));
        }))::deterministic, "different weights");
        fails(optimizerChecks(afterHeadStep(model -> stats(trainings.incrementAndGet(), List.of(0))))::deterministic,
                "different statistics");
    }

    @Test
    void anOptimizerReadingTheThreadCountFailsTheThreadCheck() {
        Optimizer threadDependent = (model, context) -> {
            TrainingResult result = new HeadDescent(64, 64).train(model, context);
            model.heads().data()[0] += context.workers().threads();
            return result;
        };
        fails(optimizerChecks(threadDependent)::sameBitsOnAnyThreads, "on 4 threads gave other weights than on 1");
    }

    @Test
    void anOptimizerIsAskedToCheckTheProblemFirst() {
        Optimizer refusing = new Optimizer() {
            @Override
            public void check(Problem problem) {
                throw new IllegalArgumentException("needs rank 5, the problem has " + problem.groundTruth().rank());
            }

            @Override
            public TrainingResult train(Model model, TrainingContext context) {
                return new HeadDescent(64, 64).train(model, context);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                optimizerChecks(refusing)::trainsWithoutDivergence);
        assertEquals("needs rank 5, the problem has 2", e.getMessage());
    }

    @Test
    void aCheckReportsItsOutcome() {
        assertEquals(new ContractCheck.Outcome("fine", true, ""), new ContractCheck("fine", () -> { }).run());
        assertEquals(new ContractCheck.Outcome("violated", false, "labels must be +-1"),
                new ContractCheck("violated", () -> {
                    throw new ContractViolation("labels must be +-1");
                }).run());
        assertEquals(new ContractCheck.Outcome("thrown", false, "threw IllegalStateException: boom"),
                new ContractCheck("thrown", () -> {
                    throw new IllegalStateException("boom");
                }).run());
        assertEquals(new ContractCheck.Outcome("bare", false, "threw ArithmeticException"),
                new ContractCheck("bare", () -> {
                    throw new ArithmeticException();
                }).run());
    }

    @Test
    void anOptimizerDrawingNothingFailsTheSampleCheck() {
        Optimizer idle = (model, context) -> stats(1, List.of(0));
        fails(optimizerChecks(idle)::respectsSampleBudget, "drew no samples");
        fails(new OptimizerChecks(() -> idle, null)::respectsSampleBudget, "drew no samples");
    }

    @Test
    void withoutABudgetAnyDrawingOptimizerPassesTheSampleCheck() {
        OptimizerChecks unbounded = new OptimizerChecks(() -> new HeadDescent(64, 640), null);
        unbounded.respectsSampleBudget();
        assertEquals("draws its samples from the problem's sample source", unbounded.all().get(3).name());
        assertEquals("draws samples within its budget", optimizerChecks(new HeadDescent(64, 64)).all().get(3).name());
    }

    @Test
    void anOptimizerAtExactlyItsBudgetPassesAndOneSampleMoreFails() {
        OptimizerChecks exact = new OptimizerChecks(() -> new HeadDescent(64, 64), problem -> 4 * 64);
        exact.respectsSampleBudget();
        fails(new OptimizerChecks(() -> new HeadDescent(64, 64), problem -> 4 * 64 - 1)::respectsSampleBudget,
                "drew 256 samples, over its budget of 255");
    }

    // ---- probes

    private static ProbeChecks probeChecks(Probe probe) {
        return new ProbeChecks(() -> probe);
    }

    @Test
    void aProbeReadingTheModelPassesEveryProbeCheck() {
        passes(probeChecks(context -> List.of(new Metric("norm", context.model().firstLayer().frobeniusNorm()))).all(), 4);
    }

    @Test
    void aProbeReturningNoMetricsOrANullMetricFails() {
        fails(probeChecks(context -> null)::finiteUniqueMetrics, "returned no metrics (null)");
        List<Metric> withNull = new ArrayList<>();
        withNull.add(null);
        fails(probeChecks(context -> withNull)::finiteUniqueMetrics, "returned a null metric");
    }

    @Test
    void anInfiniteOrRepeatedMetricFails() {
        fails(probeChecks(context -> List.of(new Metric("big", Double.NEGATIVE_INFINITY)))::finiteUniqueMetrics,
                "metric big is -Infinity");
        fails(probeChecks(context -> List.of(new Metric("a", 1), new Metric("a", 2)))::finiteUniqueMetrics,
                "metric a is returned twice");
    }

    @Test
    void aProbeWithHiddenStateFailsTheStabilityCheck() {
        AtomicInteger calls = new AtomicInteger();
        fails(probeChecks(context -> List.of(new Metric("call-" + calls.incrementAndGet(), 1)))::stableAndDeterministic,
                "metric names changed between calls");
        fails(probeChecks(context -> List.of(new Metric("count", calls.incrementAndGet())))::stableAndDeterministic,
                "two measurements with the same streams differ");
    }

    @Test
    void aProbeReadingTheThreadCountFailsTheThreadCheck() {
        fails(probeChecks(context -> List.of(new Metric("threads", context.workers().threads())))::sameBitsOnAnyThreads,
                "on 4 threads");
    }

    @Test
    void aProbeChangingTheModelFails() {
        fails(probeChecks(context -> {
            context.model().bias()[0] += 1;
            return List.of(new Metric("fine", 1));
        })::leavesTheModel, "changed the model's parameters");
    }

    // ---- data distributions

    /** Standard Gaussian inputs on the given ground truth, each input then changed by {@code broken}. */
    private static DataDistributionChecks dataChecks(int dim, Subspace truth, UnaryOperator<double[]> broken) {
        return dataChecks(dim, truth, false, broken);
    }

    /** The same, declaring itself standard Gaussian or not. */
    private static DataDistributionChecks dataChecks(int dim, Subspace truth, boolean declared,
                                                     UnaryOperator<double[]> broken) {
        return new DataDistributionChecks(() -> new DataDistribution() {
            @Override
            public boolean standardGaussian() {
                return declared;
            }

            @Override
            public int dim() {
                return dim;
            }

            @Override
            public Subspace groundTruth() {
                return truth;
            }

            @Override
            public void sample(RandomStream rng, double[] x, int n) {
                rng.nextGaussians(x, 0, n * dim);
                double[] changed = broken.apply(x);
                System.arraycopy(changed, 0, x, 0, x.length);
            }
        });
    }

    private static Subspace truth(int dim) {
        return KitProblem.randomSubspace(dim, 2, new KitStreams(5).stream("truth"));
    }

    @Test
    void gaussianInputsPassEveryDistributionCheck() {
        passes(dataChecks(6, truth(6), x -> x).all(), 3);
        passes(dataChecks(6, truth(6), true, x -> x).all(), 3);
        passes(dataChecks(1, KitProblem.randomSubspace(1, 1, new KitStreams(5).stream("truth")), true, x -> x).all(), 3);
        passes(dataChecks(60, truth(60), true, x -> x).all(), 3);
        dataChecks(1000, truth(1000), true, x -> x).declaredGaussianIsStandardGaussian(); // 4000 points
    }

    /** Gaussian inputs changed by {@code broken}, declared standard Gaussian, through the Gaussian check. */
    private static void declaredGaussianFails(UnaryOperator<double[]> broken, String statistic) {
        fails(dataChecks(6, truth(6), true, broken)::declaredGaussianIsStandardGaussian,
                "declares standardGaussian(), but its inputs' " + statistic);
    }

    /** The Gaussian test's message says what was measured, what N(0, I) gives, and why it matters. */
    @Test
    void aFalseDeclarationIsReportedWithTheStatisticAndItsTolerance() {
        fails(dataChecks(6, truth(6), true, x -> scaled(x, 2))::declaredGaussianIsStandardGaussian,
                "declares standardGaussian(), but its inputs' second moment of all values is 3.9878, where N(0, I)"
                        + " gives 1.0 +- 0.0225 (5.5 standard deviations): a distribution that is not N(0, I_d) must"
                        + " not declare it, since projected sampling draws N(0, I) in its place");
    }

    /**
     * A distribution that declares itself standard Gaussian but is not fails: twice the scale, one
     * coordinate's mean shifted by 0.05, signs (+-1: the right variance, the wrong tails), the sphere of radius sqrt(d) (nearly Gaussian
     * coordinates, the wrong norms), a coordinate copied into another, or one scaled by 1.05 alone.
     * Undeclared, the same inputs pass the check: projected sampling never replaces them.
     */
    @Test
    void aFalseDeclarationOfStandardGaussianInputsFails() {
        declaredGaussianFails(x -> scaled(x, 2), "second moment of all values");
        declaredGaussianFails(x -> {
            for (int i = 0; i < x.length; i += 6) {
                x[i] += 0.05;
            }
            return x;
        }, "mean of x[0]");
        declaredGaussianFails(x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.signum(x[i]);
            }
            return x;
        }, "fourth moment of all values");
        int d = 1000; // the sphere's coordinates: kurtosis 3 d / (d + 2), within the fourth moment's tolerance
        fails(dataChecks(d, truth(d), true, x -> {
            for (int s = 0; s < x.length / d; s++) {
                double norm = 0;
                for (int i = 0; i < d; i++) {
                    norm += x[s * d + i] * x[s * d + i];
                }
                for (int i = 0; i < d; i++) {
                    x[s * d + i] *= Math.sqrt(d / norm);
                }
            }
            return x;
        })::declaredGaussianIsStandardGaussian, "mean of (|x|^2 - d)^2 is ");
        declaredGaussianFails(x -> {
            for (int s = 0; s < x.length / 6; s++) {
                x[s * 6 + 3] = x[s * 6 + 1];
            }
            return x;
        }, "E[x[3] x[1]]");
        declaredGaussianFails(x -> {
            for (int s = 0; s < x.length / 6; s++) {
                x[s * 6 + 5] *= 1.05;
            }
            return x;
        }, "E[x[5] x[5]]");
        dataChecks(6, truth(6), false, x -> scaled(x, 2)).declaredGaussianIsStandardGaussian();
    }

    /**
     * Departures that only one statistic sees, each within the others' tolerance: every value shifted by
     * 0.03 (the pooled mean; each coordinate's mean allows 0.039), skewed values x + 0.1 (x^2 - 1) (the
     * third moment), two coordinates correlated 0.05 (their covariance entry, which allows 0.039), and at
     * d = 1000 each point scaled by sqrt(0.92) or sqrt(1.08) (the squared norms' variance: 8400 instead of
     * 2000, while the values' fourth moment is off by 0.019 of its allowed 0.027).
     */
    @Test
    void eachStatisticOfTheGaussianTestCatchesWhatOnlyItSees() {
        declaredGaussianFails(x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.03;
            }
            return x;
        }, "mean of all values");
        declaredGaussianFails(x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.1 * (x[i] * x[i] - 1);
            }
            return x;
        }, "third moment of all values");
        declaredGaussianFails(x -> {
            for (int s = 0; s < x.length / 6; s++) {
                x[s * 6 + 4] = 0.05 * x[s * 6 + 2] + Math.sqrt(1 - 0.05 * 0.05) * x[s * 6 + 4];
            }
            return x;
        }, "E[x[4] x[2]]");
        int d = 1000;
        fails(dataChecks(d, truth(d), true, x -> {
            for (int s = 0; s < x.length / d; s++) {
                double scale = Math.sqrt(s % 2 == 0 ? 0.92 : 1.08);
                for (int i = 0; i < d; i++) {
                    x[s * d + i] *= scale;
                }
            }
            return x;
        })::declaredGaussianIsStandardGaussian, "mean of (|x|^2 - d)^2 is ");
    }

    @Test
    void aMissingOrMisfitGroundTruthFails() {
        fails(dataChecks(6, null, x -> x)::groundTruthFits, "groundTruth() returned null");
        fails(dataChecks(6, truth(7), x -> x)::groundTruthFits, "but dim() is 6");
        fails(dataChecks(0, truth(7), x -> x)::groundTruthFits, "but dim() is 0");
    }

    @Test
    void nonFiniteOrUnrepeatableInputsFail() {
        fails(dataChecks(6, truth(6), x -> {
            x[13] = Double.NaN;
            return x;
        })::finiteAndDeterministic, "sample() gave x[2][1] = NaN");
        AtomicInteger samples = new AtomicInteger();
        fails(dataChecks(6, truth(6), x -> {
            x[0] += samples.incrementAndGet();
            return x;
        })::finiteAndDeterministic, "two samples from the same stream differ");
    }
}
