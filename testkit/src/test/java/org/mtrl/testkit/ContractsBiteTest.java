package org.mtrl.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtrl.api.data.DataDistribution;
import org.mtrl.api.data.Problem;
import org.mtrl.api.data.Subspace;
import org.mtrl.api.linalg.Matrix;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.GradientAccumulator;
import org.mtrl.api.model.GradientPart;
import org.mtrl.api.model.Loss;
import org.mtrl.api.model.Model;
import org.mtrl.api.optim.Optimizer;
import org.mtrl.api.probe.Metric;
import org.mtrl.api.probe.Probe;
import org.mtrl.api.runtime.RandomStream;
import org.mtrl.api.tasks.Task;
import org.mtrl.api.tasks.TaskFamily;
import org.mtrl.testkit.check.ContractViolation;
import org.mtrl.testkit.contract.ArchitectureContract;
import org.mtrl.testkit.contract.DataDistributionContract;
import org.mtrl.testkit.contract.OptimizerContract;
import org.mtrl.testkit.contract.ProbeContract;
import org.mtrl.testkit.contract.TaskFamilyContract;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The contracts fail a broken component: each broken component below is run through its contract by the
 * JUnit engine, and the check it breaks must fail with a message saying why (the others may pass). The
 * nested classes are not run by the build itself (Surefire leaves out nested classes).
 */
class ContractsBiteTest {

    @Test
    void aTaskFamilyLabellingZeroFailsTheLabelCheck() {
        Events tests = run(ZeroLabels.class);
        tests.assertThatEvents().haveExactly(1, event(test("labelsArePlusOrMinusOne"),
                finishedWithFailure(instanceOf(ContractViolation.class), message(m -> m.contains("with 0.0")))));
    }

    @Test
    void anArchitectureWithAWrongGradientSignFailsTheFiniteDifferenceCheck() {
        Events tests = run(WrongSign.class);
        for (String loss : List.of("logistic", "hinge", "squared")) {
            tests.assertThatEvents().haveExactly(1, event(test(), displayName("gradients of head, first layer and bias"
                            + " match finite differences of the loss (" + loss + " loss)"),
                    finishedWithFailure(instanceOf(ContractViolation.class), message(m -> m.contains("first layer")))));
            tests.assertThatEvents().haveExactly(1, event(test(), displayName("withFirstLayer(W', b') is a model of W'"
                            + " and b' (another input dimension too) with a copy of the heads, and leaves the model as it"
                            + " was (" + loss + " loss)"),
                    finishedWithFailure(instanceOf(ContractViolation.class), message(m -> m.contains("first layer")))));
        }
        tests.assertStatistics(s -> s.failed(6).succeeded(15));
    }

    @Test
    void theReferenceModelPassesEveryArchitectureCheck() {
        run(Reference.class).assertStatistics(s -> s.failed(0).succeeded(21));
    }

    @Test
    void aProbeReturningNaNFailsTheFiniteCheck() {
        Events tests = run(NaNProbe.class);
        tests.assertThatEvents().haveExactly(1, event(test("finiteUniqueMetrics"),
                finishedWithFailure(instanceOf(ContractViolation.class), message(m -> m.contains("is NaN")))));
    }

    @Test
    void anOptimizerOverItsBudgetFailsTheBudgetCheck() {
        Events tests = run(Greedy.class);
        tests.assertThatEvents().haveExactly(1, event(test("respectsSampleBudget"),
                finishedWithFailure(instanceOf(ContractViolation.class), message(m -> m.contains("over its budget")))));
        tests.assertStatistics(s -> s.failed(1).succeeded(3));
    }

    @Test
    void anOptimizerWithinItsBudgetPassesEveryCheck() {
        run(Frugal.class).assertStatistics(s -> s.failed(0).succeeded(4));
    }

    /**
     * Every test of a contract runs its check: a component that throws from every method fails all of
     * them (and a sound one passes all, above and in ChecksFailBrokenComponentsTest).
     */
    @Test
    void aComponentThatThrowsFailsEveryTestOfItsContract() {
        run(ThrowingFamily.class).assertStatistics(s -> s.failed(4).succeeded(0));
        run(ThrowingOptimizer.class).assertStatistics(s -> s.failed(4).succeeded(0));
        run(ThrowingProbe.class).assertStatistics(s -> s.failed(4).succeeded(0));
        run(ThrowingData.class).assertStatistics(s -> s.failed(2).succeeded(0));
    }

    @Test
    void gaussianInputsPassTheDistributionContract() {
        run(Gaussian.class).assertStatistics(s -> s.failed(0).succeeded(2));
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    static class ZeroLabels extends TaskFamilyContract {
        @Override
        protected TaskFamily family() {
            TaskFamily thresholds = KitProblem.linearThresholds(3);
            return new TaskFamily() {
                @Override
                public int count() {
                    return 3;
                }

                @Override
                public Task draw(Subspace truth, RandomStream rng) {
                    Task task = thresholds.draw(truth, rng);
                    return (z, n, noise, y) -> {
                        task.label(z, n, noise, y);
                        y[n / 2] = 0; // one point on the boundary, labelled 0 instead of a sign
                    };
                }
            };
        }
    }

    static class Reference extends ArchitectureContract {
        @Override
        protected Architecture architecture(Loss loss) {
            return ReferenceModel.architecture(6, loss);
        }
    }

    /** The reference model whose first-layer gradient has the wrong sign. */
    static class WrongSign extends ArchitectureContract {
        @Override
        protected Architecture architecture(Loss loss) {
            Architecture reference = ReferenceModel.architecture(6, loss);
            return (d, tasks, init) -> flipped(reference.build(d, tasks, init));
        }

        private static Model flipped(Model model) {
            return new ForwardingModel(model) {
                @Override
                public Model withFirstLayer(Matrix firstLayer, double[] bias) {
                    return flipped(model.withFirstLayer(firstLayer, bias));
                }

                @Override
                public GradientAccumulator newAccumulator(Set<GradientPart> parts) {
                    return new ForwardingAccumulator(model.newAccumulator(parts)) {
                        @Override
                        public double[] firstLayer() {
                            return Arrays.stream(right.firstLayer()).map(g -> -g).toArray();
                        }
                    };
                }
            };
        }
    }

    static class NaNProbe extends ProbeContract {
        @Override
        protected Probe probe() {
            return context -> List.of(new Metric("fine", 1.0), new Metric("broken", Double.NaN));
        }
    }

    /** Gradient steps on the heads over n fresh samples per task: T x n samples a round. */
    static class Frugal extends OptimizerContract {
        static final int SAMPLES = 64;

        @Override
        protected Optimizer optimizer() {
            return new HeadDescent(SAMPLES, SAMPLES);
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return (long) problem.taskCount() * SAMPLES;
        }
    }

    /** Draws twice what it declares. */
    static class Greedy extends Frugal {
        @Override
        protected Optimizer optimizer() {
            return new HeadDescent(SAMPLES, 2 * SAMPLES);
        }
    }

    static class ThrowingFamily extends TaskFamilyContract {
        @Override
        protected TaskFamily family() {
            throw new IllegalStateException("broken");
        }
    }

    static class ThrowingOptimizer extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            throw new IllegalStateException("broken");
        }

        @Override
        protected long sampleBudget(Problem problem) {
            return 1;
        }
    }

    static class ThrowingProbe extends ProbeContract {
        @Override
        protected Probe probe() {
            throw new IllegalStateException("broken");
        }
    }

    static class ThrowingData extends DataDistributionContract {
        @Override
        protected DataDistribution distribution() {
            throw new IllegalStateException("broken");
        }
    }

    /** Standard Gaussian inputs in R^6 on a rank-2 ground truth. */
    static class Gaussian extends DataDistributionContract {
        @Override
        protected DataDistribution distribution() {
            Subspace truth = KitProblem.randomSubspace(6, 2, new KitStreams(4).stream("truth"));
            return new DataDistribution() {
                @Override
                public int dim() {
                    return 6;
                }

                @Override
                public Subspace groundTruth() {
                    return truth;
                }

                @Override
                public void sample(RandomStream rng, double[] x, int n) {
                    rng.nextGaussians(x, 0, n * 6);
                }
            };
        }
    }
}
