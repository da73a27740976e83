package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table's id, such as {@code hinton2015} or {@code fskd/table2}: it names the output files, so it follows the rule
 * of experiment ids (lower-case segments safe as file names everywhere, joined by '/').
 *
 * @param value the id as written
 */
public record TableId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    static final ValueBinder<TableId> BINDER = new ValueBinder<>() {
        @Override
        public String typeName() {
            return "table id";
        }

        @Override
        public Optional<TableId> bind(JsonNode value, BindingScope scope) {
            if (!value.isTextual()) {
                scope.reportUnexpected("a table id such as hinton2015 or fskd/table2", value);
                return Optional.empty();
            }
            if (!FORMAT.matcher(value.textValue()).matches()) {
                scope.report("'" + value.textValue() + "' is not a valid table id: use one or more segments of"
                        + " lower-case letters, digits and hyphens, each starting with a letter or digit, joined by '/'"
                        + " (e.g. hinton2015 or fskd/table2)");
                return Optional.empty();
            }
            return Optional.of(new TableId(value.textValue()));
        }
    };

    public TableId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid table id (e.g. hinton2015 or fskd/table2)");
        }
    }

    /** The base name of the table's output files: the id with '/' replaced by '-'. */
    public String fileBaseName() {
        return value.replace('/', '-');
    }

    @Override
    public String toString() {
        return value;
    }
}
