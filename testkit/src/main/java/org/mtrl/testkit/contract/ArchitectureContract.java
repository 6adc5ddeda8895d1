package org.mtrl.testkit.contract;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mtrl.api.losses.Losses;
import org.mtrl.api.model.Architecture;
import org.mtrl.api.model.Loss;
import org.mtrl.testkit.check.ArchitectureChecks;
import org.mtrl.testkit.check.ContractCheck;

/**
 * Extend this in your architecture's tests and return it, set to a loss, from {@link #architecture}:
 * JUnit then runs the contract of {@link ArchitectureChecks} once for every loss of {@link #losses()}.
 */
public abstract class ArchitectureContract {

    /** A fresh architecture under test whose models train with {@code loss} (its name says which). */
    protected abstract Architecture architecture(Loss loss);

    /** The losses to check with: the api's built-in losses ({@link Losses}) unless overridden. */
    protected List<Loss> losses() {
        return Stream.of("logistic", "hinge", "squared").map(Losses::byName).toList();
    }

    @TestFactory
    List<DynamicTest> contract() {
        return losses().stream().flatMap(loss -> new ArchitectureChecks(() -> architecture(loss)).all().stream()
                        .map(check -> named(check, loss)))
                .toList();
    }

    static DynamicTest named(ContractCheck check, Loss loss) {
        return DynamicTest.dynamicTest(check.name() + " (" + loss.name() + " loss)", () -> check.body().run());
    }
}
