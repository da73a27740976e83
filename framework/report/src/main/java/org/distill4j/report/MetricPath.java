package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dotted path of keys into a run's {@code metrics.json}, such as {@code test-accuracy} or
 * {@code teacher.test-accuracy}.
 *
 * @param text the path as written
 */
public record MetricPath(String text) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    static final ValueBinder<MetricPath> BINDER = new ValueBinder<>() {
        @Override
        public String typeName() {
            return "metric path";
        }

        @Override
        public Optional<MetricPath> bind(JsonNode value, BindingScope scope) {
            if (!value.isTextual()) {
                scope.reportUnexpected("a dotted path into metrics.json such as test-accuracy or teacher.test-accuracy",
                        value);
                return Optional.empty();
            }
            if (!FORMAT.matcher(value.textValue()).matches()) {
                scope.report("'" + value.textValue() + "' is not a metric path: write the keys of metrics.json in"
                        + " kebab-case joined by dots, e.g. test-accuracy or teacher.test-accuracy");
                return Optional.empty();
            }
            return Optional.of(new MetricPath(value.textValue()));
        }
    };

    public MetricPath {
        Objects.requireNonNull(text, "text");
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a metric path (e.g. teacher.test-accuracy)");
        }
    }

    /** The first key of a path into {@code provenance.json} rather than {@code metrics.json}. */
    public static final String PROVENANCE = "provenance";

    /** The path without its first key: {@code provenance.seconds} gives {@code seconds}. */
    public MetricPath withoutFirstKey() {
        return new MetricPath(text.substring(text.indexOf('.') + 1));
    }

    /** The keys, outermost first. */
    public List<String> keys() {
        return List.of(text.split("\\."));
    }

    /** The value at this path, if every key on the way exists. */
    public Optional<JsonNode> find(JsonNode root) {
        JsonNode node = root;
        for (String key : keys()) {
            node = node == null ? null : node.get(key);
        }
        return Optional.ofNullable(node);
    }

    /** This path below another key: {@code test-accuracy} below {@code history} is {@code history.test-accuracy}. */
    public MetricPath below(String key) {
        return new MetricPath(key + "." + text);
    }

    @Override
    public String toString() {
        return text;
    }
}
