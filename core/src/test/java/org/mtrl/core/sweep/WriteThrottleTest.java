package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The throttle on given times (nanoseconds): no clock is read. */
class WriteThrottleTest {
    private static final long MS = 1_000_000;

    @Test
    void theFirstRewriteIsAlwaysDue() {
        assertTrue(new WriteThrottle().due(0));
    }

    @Test
    void aRewriteIsDueOnceTenTimesItsCostHasPassed() {
        WriteThrottle throttle = new WriteThrottle();
        throttle.wrote(0, 10 * MS);
        assertFalse(throttle.due(10 * MS), "right after");
        assertFalse(throttle.due(109 * MS), "99 ms after a 10 ms rewrite");
        assertTrue(throttle.due(110 * MS), "100 ms after a 10 ms rewrite");
    }

    @Test
    void cheapRewritesAreDueAfterEveryCell() {
        WriteThrottle throttle = new WriteThrottle();
        throttle.wrote(0, 0);
        assertTrue(throttle.due(0), "a rewrite that took no measurable time");
        throttle.wrote(0, MS);
        assertTrue(throttle.due(11 * MS), "a 1 ms rewrite, then a 10 ms cell");
    }
}
