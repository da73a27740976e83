package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code teacher.seed} of a descriptor: {@code same} (the teacher run uses the student's seed) or a fixed
 * integer {@code >= 0}.
 *
 * @param fixedSeed the fixed seed, or null for {@code same} (a plain value, so the section can be written as a tree)
 */
record TeacherSeed(Long fixedSeed) {

    /** The fixed seed; empty for {@code same}. */
    OptionalLong fixed() {
        return fixedSeed == null ? OptionalLong.empty() : OptionalLong.of(fixedSeed);
    }

    static final String SAME = "same";

    static final ValueBinder<TeacherSeed> BINDER = new ValueBinder<>() {
        @Override
        public String typeName() {
            return "'same' or an integer >= 0";
        }

        @Override
        public Optional<TeacherSeed> bind(JsonNode value, BindingScope scope) {
            if (value.isTextual() && value.textValue().equals(SAME)) {
                return Optional.of(new TeacherSeed(null));
            }
            if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
                return Optional.of(new TeacherSeed(value.longValue()));
            }
            scope.reportUnexpected("'same' (the student's seed) or an integer >= 0", value);
            return Optional.empty();
        }
    };
}
