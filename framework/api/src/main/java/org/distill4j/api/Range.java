package org.distill4j.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The valid range of a numeric parameter, or of every element of a numeric list parameter.
 * Descriptors with a value outside it are rejected with the range in the message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded (as for a temperature, which must be strictly positive). */
    boolean minExclusive() default false;

    boolean maxExclusive() default false;
}
