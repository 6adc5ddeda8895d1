package org.mtrl.api.probe;

/** One named number a probe reports, for example {@code max} with value 0.12. */
public record Metric(String name, double value) {

    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank");
        }
    }
}
