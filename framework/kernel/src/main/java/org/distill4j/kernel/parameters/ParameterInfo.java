package org.distill4j.kernel.parameters;

import java.util.Objects;

/**
 * One parameter of a component, as {@code distill4j list} shows it.
 *
 * @param key          the descriptor key; nested parameters are dotted ({@code schedule.gamma}), and parameters of
 *                     the records in a list have {@code []} after the list's key ({@code layers[].width})
 * @param type         the type as users write it: {@code integer}, {@code number}, {@code boolean}, {@code string},
 *                     {@code path}, {@code one of: paper, code}, {@code list of integers}, {@code map}
 * @param description  the parameter's one-line description
 * @param defaultValue the default as written in YAML, {@code required} when the descriptor must give it, or
 *                     {@code none} when leaving it out means "no value"
 * @param range        the valid range such as {@code > 0 and <= 1}, or an empty string when any value is valid
 */
public record ParameterInfo(String key, String type, String description, String defaultValue, String range) {

    public ParameterInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(range, "range");
    }
}
