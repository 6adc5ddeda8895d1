package org.mtrl.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mtrl.api.runtime.ProgressListener;

/** Wall time per phase from the run's progress events: a phase lasts until the next one starts. */
final class PhaseClock implements ProgressListener {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String current;
    private long since;

    @Override
    public synchronized void phaseStarted(String phase) {
        stop();
        current = phase;
        since = System.nanoTime();
    }

    /** Ends the current phase. */
    synchronized void stop() {
        if (current != null) {
            seconds.merge(current, (System.nanoTime() - since) / 1e9, Double::sum);
            current = null;
        }
    }

    /** Summed seconds of the phases whose name starts with {@code prefix}. */
    synchronized double seconds(String prefix) {
        return seconds.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
