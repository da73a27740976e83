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
    /**
     * Each segment is a directory name (file systems allow 255 bytes) and the run directory nests the id under the
     * results folder with a hash and a seed below it, so a segment stays well under the limit and the id short.
     */
    static final int SEGMENT_LIMIT = 100;
    static final int ID_LIMIT = 200;

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
            String id = value.textValue();
            for (String segment : id.split("/")) {
                if (segment.length() > SEGMENT_LIMIT) {
                    scope.report("the experiment id's segment '" + segment.substring(0, 20) + "...' is "
                            + segment.length() + " characters long; each segment names a directory, so keep it to "
                            + SEGMENT_LIMIT + " characters or fewer");
                    return Optional.empty();
                }
            }
            if (id.length() > ID_LIMIT) {
                scope.report("the experiment id is " + id.length() + " characters long; it names the run's directory"
                        + " path, so keep it to " + ID_LIMIT + " characters or fewer");
                return Optional.empty();
            }
            return Optional.of(new ExperimentId(id));
        }
    };
}
