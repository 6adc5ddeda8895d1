package org.mtrl.core.config;

import java.util.List;

/**
 * One parameter of a factory as {@code mtrl plugins} shows it.
 *
 * @param name         the configuration key
 * @param typeName     {@code integer}, {@code number}, {@code boolean}, {@code string}, or {@code list of ...}
 * @param description  the one-line description
 * @param defaultValue the default as declared (a YAML literal), or {@code null} when the parameter is required
 * @param required     whether the configuration must give it
 * @param range        the allowed numbers, e.g. {@code >= 1} or {@code [0, 0.5]}; empty when any
 * @param allowed      the allowed strings; empty when any
 */
public record ParameterInfo(String name, String typeName, String description, String defaultValue,
                            boolean required, String range, List<String> allowed) {

    public ParameterInfo {
        allowed = List.copyOf(allowed);
    }
}
