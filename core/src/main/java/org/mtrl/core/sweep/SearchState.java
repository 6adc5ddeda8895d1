package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * One threshold search (one grid point and seed): the values tried so far decide the next, so the
 * search is a pure function of its cells' results and replays identically from a resumed folder.
 * Doubling from {@code start} finds a value that reaches the target (or stops at {@code max}); then
 * the geometric midpoint of the bracket {@code (low, high]} is tried until {@code high / low <= ratio}
 * or the bracket holds no other integer. The estimate is {@code high}, the smallest value seen to reach.
 */
final class SearchState {
    private final ThresholdSearch search;
    /** The largest value seen not to reach the target, 0 for none. */
    private long low;
    /** The smallest value seen to reach the target, 0 for none. */
    private long high;
    private int evaluated;
    private String failure;

    SearchState(ThresholdSearch search) {
        this.search = search;
    }

    /** A searched value as a cell holds it: a number, or a one-number list ({@code samples: [100]}). */
    static long valueOf(JsonNode node) {
        return (node.isArray() ? node.get(0) : node).longValue();
    }

    /** The value to evaluate next, or empty when the search is over. */
    OptionalLong next() {
        if (failure != null) {
            return OptionalLong.empty();
        }
        if (high == 0) {
            if (low == search.max()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(low == 0 ? search.start() : Math.min(search.max(), 2 * low));
        }
        if (low == 0 || high <= low * search.ratio() || high - low <= 1) {
            return OptionalLong.empty();
        }
        long mid = Math.round(Math.sqrt((double) low * high));
        return OptionalLong.of(Math.max(low + 1, Math.min(high - 1, mid)));
    }

    /** The metric's value at {@code value}. */
    void record(long value, double metric) {
        evaluated++;
        if (search.reached(metric)) {
            high = value;
        } else {
            low = value;
        }
    }

    void fail(String error) {
        evaluated++;
        failure = error;
    }

    boolean reached() {
        return high > 0;
    }

    /** The smallest value seen to reach the target, 0 if none did. */
    long estimate() {
        return high;
    }

    long low() {
        return low;
    }

    int evaluated() {
        return evaluated;
    }

    /** Why a cell of this search failed, or null. */
    String failure() {
        return failure;
    }
}
