package org.mtrl.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a parameters record whose type is itself a parameters record: its parameters
 * appear at this level of the configuration, as if declared here. It lets factories share a set of
 * parameters (for example the schedule of the alternating method) without repeating their
 * {@link Param} declarations. Parameter names must stay unique across the record and its groups.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ParamGroup {

    /** One line saying what the group is. */
    String value();
}
