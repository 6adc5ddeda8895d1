package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SearchStateTest {

    /** Runs a search against a metric that reaches the target (0.3 or less) from {@code threshold} on. */
    private static SearchState search(ThresholdSearch spec, long threshold, List<Long> tried) {
        SearchState state = new SearchState(spec);
        for (OptionalLong next = state.next(); next.isPresent(); next = state.next()) {
            long n = next.getAsLong();
            tried.add(n);
            state.record(n, n >= threshold ? 0.25 : 0.5);
        }
        return state;
    }

    private static ThresholdSearch spec(long start, long max, double ratio) {
        return new ThresholdSearch("k", "m", true, 0.3, start, max, ratio, null);
    }

    @Test
    void everyThresholdInRangeIsBracketedToTheRatioAndTheEstimateIsTheSmallestValueSeenToReach() {
        for (double ratio : new double[] {1.05, 1.1, 1.5, 2}) {
            for (long t = 11; t <= 5000; t += 7) {
                long threshold = t;
                List<Long> tried = new ArrayList<>();
                SearchState state = search(spec(10, 10_000, ratio), threshold, tried);
                assertTrue(state.reached());
                long high = state.estimate();
                long low = state.low();
                assertTrue(low < threshold && threshold <= high, threshold + ": (" + low + ", " + high + "]");
                assertTrue(high <= low * ratio || high - low == 1, threshold + ": (" + low + ", " + high + "]");
                assertEquals(tried.stream().filter(n -> n >= threshold).min(Long::compare).orElseThrow(), high);
                assertEquals(tried.size(), state.evaluated());
                assertEquals(tried.size(), tried.stream().distinct().count(), "no value is evaluated twice");
            }
        }
    }

    @Test
    void doublingThenBisectionTriesTheValuesAPlainLoopWould() {
        List<Long> tried = new ArrayList<>();
        search(spec(25, 51_200, 1.1), 300, tried);
        // 25, 50, 100, 200, 400 (the first to reach), then geometric midpoints of the bracket (200, 400]
        List<Long> expected = new ArrayList<>(List.of(25L, 50L, 100L, 200L, 400L));
        long low = 200;
        long high = 400;
        while (high > low * 1.1 && high - low > 1) {
            long mid = Math.max(low + 1, Math.min(high - 1, Math.round(Math.sqrt((double) low * high))));
            expected.add(mid);
            if (mid >= 300) {
                high = mid;
            } else {
                low = mid;
            }
        }
        assertEquals(expected, tried);
    }

    @Test
    void aTargetReachedAtTheStartOrNeverIsReportedAsSuch() {
        List<Long> tried = new ArrayList<>();
        SearchState atStart = search(spec(10, 1000, 1.1), 1, tried);
        assertEquals(List.of(10L), tried);
        assertTrue(atStart.reached());
        assertEquals(10, atStart.estimate());
        assertEquals(0, atStart.low(), "no value below the start was seen");

        tried.clear();
        SearchState never = search(spec(10, 1000, 1.1), 5000, tried);
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L), tried, "the last doubling stops at max");
        assertFalse(never.reached());
        assertEquals(0, never.estimate());
        assertEquals(1000, never.low());
    }

    @Test
    void aFailedCellEndsItsSearchWithoutAnEstimate() {
        SearchState state = new SearchState(spec(10, 1000, 1.1));
        state.record(10, 0.5);
        state.fail("diverged");
        assertTrue(state.next().isEmpty());
        assertFalse(state.reached());
        assertEquals("diverged", state.failure());
        assertEquals(2, state.evaluated());
    }

    @Test
    void anAtLeastTargetCountsValuesAtOrAboveIt() {
        ThresholdSearch atLeast = new ThresholdSearch("k", "acc", false, 0.9, 1, 8, 1.1, null);
        assertTrue(atLeast.reached(0.9));
        assertFalse(atLeast.reached(0.8999));
        assertTrue(spec(1, 8, 1.1).reached(0.3));
        assertFalse(spec(1, 8, 1.1).reached(0.3001));
    }
}
