package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Parameter;

import java.util.List;
import java.util.Objects;

/**
 * The columns of a table spec: one per value of a descriptor parameter, each applied to the rows as a
 * {@link org.distill4j.kernel.descriptor.DescriptorOverride}.
 *
 * @param label     the name shown in each column header ({@code T} gives {@code T=4}); null to use the parameter
 * @param parameter the dotted override path, e.g. {@code distiller.params.temperature}
 * @param values    the values, YAML scalars, one column each, in the order written
 */
public record ColumnSpec(
        @Parameter(description = "the name in each column header (default: the parameter path)",
                defaultValue = Parameter.ABSENT)
        String label,
        @Parameter(description = "the dotted descriptor path each column sets, e.g. distiller.params.temperature")
        String parameter,
        @Parameter(description = "the values, one column each (numbers, strings or booleans)")
        List<JsonNode> values) {

    public ColumnSpec {
        Objects.requireNonNull(parameter, "parameter");
        values = List.copyOf(values);
    }

    /** The label shown in headers and on plot axes. */
    public String shownLabel() {
        return label == null ? parameter : label;
    }

    /** The header of the column of a value: {@code T=4}. */
    public String header(JsonNode value) {
        return shownLabel() + "=" + ColumnSpec.text(value);
    }

    /** A scalar as a person writes it: strings without quotes, numbers as YAML gave them. */
    static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
