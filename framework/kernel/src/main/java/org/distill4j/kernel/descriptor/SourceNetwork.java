package org.distill4j.kernel.descriptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link ResolvedTeacher} section that is not a teacher but the trained network a derived model family reads
 * ({@code student.source}): {@link TeacherBinder} then accepts only an experiment (a model file has no architecture
 * spec) and words its problems for a source.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface SourceNetwork {
}
