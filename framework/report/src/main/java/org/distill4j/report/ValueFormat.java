package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link java.util.Formatter} pattern for one number, such as {@code %.2f}. Numbers are always formatted with
 * {@link Locale#ROOT} so that a table reads the same (and is the same file) on every machine.
 *
 * @param pattern the pattern; it takes exactly one double
 */
public record ValueFormat(String pattern) {

    static final ValueBinder<ValueFormat> BINDER = new ValueBinder<>() {
        @Override
        public String typeName() {
            return "number format";
        }

        @Override
        public Optional<ValueFormat> bind(JsonNode value, BindingScope scope) {
            if (!value.isTextual()) {
                scope.reportUnexpected("a java.util.Formatter pattern for one number, such as \"%.2f\"", value);
                return Optional.empty();
            }
            Optional<String> problem = problem(value.textValue());
            problem.ifPresent(scope::report);
            return problem.isPresent() ? Optional.empty() : Optional.of(new ValueFormat(value.textValue()));
        }
    };

    public ValueFormat {
        Objects.requireNonNull(pattern, "pattern");
        Optional<String> problem = problem(pattern);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    public String format(double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    // A pattern must take exactly one number: formatting 1.0 must work, and formatting nothing must fail (otherwise
    // the pattern ignores the value, e.g. "%%" or plain text).
    private static Optional<String> problem(String pattern) {
        String advice = "; write a java.util.Formatter pattern that formats one number, such as \"%.2f\" or \"%.1f%%\"";
        try {
            String.format(Locale.ROOT, pattern, 1.0);
        } catch (IllegalFormatException e) {
            return Optional.of("'" + pattern + "' cannot format a number (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")" + advice);
        }
        try {
            String.format(Locale.ROOT, pattern);
            return Optional.of("'" + pattern + "' does not use the value" + advice);
        } catch (IllegalFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
