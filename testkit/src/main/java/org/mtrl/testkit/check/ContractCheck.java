package org.mtrl.testkit.check;

/**
 * One named contract check of a component, runnable on its own: the JUnit contracts run each as a
 * test, {@code mtrl plugins --check} runs them all and reports each.
 *
 * @param name what is checked, a sentence fragment such as {@code labels are exactly +1 or -1}
 * @param body throws {@link ContractViolation} (or anything else the component throws) if the check fails
 */
public record ContractCheck(String name, Runnable body) {

    /** The outcome of one check: passed, or failed with the reason. */
    public record Outcome(String name, boolean passed, String reason) {
    }

    /** Runs the check, turning a violation, or anything the component threw, into a failed outcome. */
    public Outcome run() {
        try {
            body.run();
            return new Outcome(name, true, "");
        } catch (ContractViolation e) {
            return new Outcome(name, false, e.getMessage());
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return new Outcome(name, false, "threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
