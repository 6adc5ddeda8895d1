package org.mtrl.testkit.check;

/**
 * A component broke a contract of the api. An {@link AssertionError}, so that a JUnit test reports it as
 * a failed assertion with this message.
 */
public final class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    public ContractViolation(String message) {
        super(message);
    }

    /** Throws a violation saying {@code message} unless {@code holds}. */
    static void require(boolean holds, String message) {
        if (!holds) {
            throw new ContractViolation(message);
        }
    }
}
