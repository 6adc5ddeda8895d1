package org.mtrl.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a factory's parameters record: what it means, its default, and the
 * values allowed. The framework binds configuration to the record through these annotations: it
 * fills defaults, rejects unknown keys and out-of-range values with a message naming the key, and
 * prints them in {@code mtrl plugins}. Every component of a parameters record must carry one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** Marks a parameter without a default: the configuration must give it. */
    String REQUIRED = "\u0000required";

    /** One line saying what the parameter means. */
    String value();

    /** The default as a YAML literal ({@code 200}, {@code logistic}, {@code [100, 300]}), or {@link #REQUIRED}. */
    String defaultValue() default REQUIRED;

    /** Smallest allowed value of a number (or of each number in a list). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value of a number (or of each number in a list). */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded. */
    boolean minExclusive() default false;

    /** For a string, the allowed values; empty means any. */
    String[] allowed() default {};
}
