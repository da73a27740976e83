package org.distill4j.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a parameter record. The descriptor key is the component name in kebab-case
 * ({@code weightDecay} is written {@code weight-decay}).
 *
 * <p>Supported types: {@code int}, {@code long}, {@code double}, {@code boolean}, {@code String}, enums (written
 * in kebab-case), {@code List} of those, nested records and lists of records. A record whose canonical constructor
 * throws {@link IllegalArgumentException} reports the message as a problem at the record's path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Parameter {

    /** Marks a parameter without default: the descriptor must give it. */
    String REQUIRED = "\u0000required";

    /** A default of "no value": the record receives {@code null}. */
    String ABSENT = "\u0000absent";

    /** One line for {@code distill4j list} and for errors. */
    String description();

    /** The default, written as in YAML ({@code 4}, {@code 0.9}, {@code [1200, 1200]}, {@code paper}). */
    String defaultValue() default REQUIRED;

    /**
     * Whether this string parameter is a file-system path: {@code ${ENV}} references in it are expanded and a
     * relative path resolves against the directory of the descriptor that gives it.
     */
    boolean path() default false;

    /**
     * Whether this dataset parameter only chooses which images of the same data a run draws (a subset size, a
     * validation share) rather than what the data are. A teacher experiment may differ from its student in such
     * parameters, so a student that sees a few images can learn from a teacher trained on all of them.
     */
    boolean subset() default false;
}
