package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An experiment id such as {@code hinton2015/kd-t20}: it names the result directory, so it is restricted to
 * lower-case segments that are safe as directory names on every file system.
 */
record ExperimentId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    static final ValueBinder<ExperimentId> BINDER = new ValueBinder<>() {
        @Override
        public String typeName() {
            return "experiment id";
        }

        @Override
        public Optional<ExperimentId> bind(JsonNode value, BindingScope scope) {
            if (!value.isTextual()) {
                scope.reportUnexpected("an experiment id such as hinton2015/kd-t20", value);
                return Optional.empty();
            }
            if (!FORMAT.matcher(value.textValue()).matches()) {
                scope.report("'" + value.textValue() + "' is not a valid experiment id: use one or more segments of"
                        + " lower-case letters, digits and hyphens, each starting with a letter or digit, joined by '/'"
                        + " (e.g. hinton2015/kd-t20)");
                return Optional.empty();
            }
            return Optional.of(new ExperimentId(value.textValue()));
        }
    };
}
