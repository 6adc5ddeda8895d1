package org.mtrl.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-language notes on a run's metrics that are easy to misread, printed after them. */
final class MetricNotes {
    /** An accuracy this close to 1/2 is at chance. */
    static final double CHANCE_BAND = 0.05;
    /** Refitted heads this much better than the trained ones show the features were fine. */
    static final double CLEAR_GAIN = 0.1;

    private MetricNotes() {
    }

    /** The notes that apply to {@code metrics}, one line each. */
    static List<String> of(Map<String, Double> metrics) {
        List<String> notes = new ArrayList<>();
        Double stale = metrics.get("pretrain-loss.accuracy");
        Double refit = metrics.get("pretrain-loss.refit-accuracy");
        if (stale != null && refit != null && Math.abs(stale - 0.5) <= CHANCE_BAND && refit >= stale + CLEAR_GAIN) {
            notes.add(String.format(Locale.ROOT, "note: pretrain-loss.accuracy %.3f is at chance because the trained "
                    + "heads were fitted to the first layer before the last representation step changed it (the "
                    + "paper's single round replaces W); heads refitted on the final features score "
                    + "pretrain-loss.refit-accuracy %.3f.", stale, refit));
        }
        return notes;
    }
}
