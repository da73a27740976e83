package org.distill4j.cli.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a JSON tree: keys and list indices, shown as {@code history.test-accuracy[3]}. Paths sort key
 * by key and index by index (so {@code [2]} comes before {@code [10]}).
 *
 * @param segments keys ({@link String}) and indices ({@link Integer}), outermost first
 */
public record JsonPath(List<Object> segments) implements Comparable<JsonPath> {

    public JsonPath {
        segments = List.copyOf(segments);
        for (Object segment : segments) {
            if (!(segment instanceof String) && !(segment instanceof Integer)) {
                throw new IllegalArgumentException("a JSON path segment is a key or an index, got " + segment);
            }
        }
    }

    public static JsonPath root() {
        return new JsonPath(List.of());
    }

    public JsonPath key(String key) {
        return append(key);
    }

    public JsonPath index(int index) {
        return append(index);
    }

    /** The first key, or an empty string for the root or a path that starts with an index. */
    public String first() {
        return !segments.isEmpty() && segments.get(0) instanceof String key ? key : "";
    }

    private JsonPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new JsonPath(longer);
    }

    @Override
    public int compareTo(JsonPath other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            int order = compare(segments.get(i), other.segments.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(segments.size(), other.segments.size());
    }

    private static int compare(Object left, Object right) {
        if (left instanceof Integer leftIndex && right instanceof Integer rightIndex) {
            return Integer.compare(leftIndex, rightIndex);
        }
        if (left instanceof String leftKey && right instanceof String rightKey) {
            return leftKey.compareTo(rightKey);
        }
        // A list on one side and a map on the other: any fixed order will do.
        return left instanceof Integer ? -1 : 1;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(segment);
            }
        }
        return text.length() == 0 ? "(whole file)" : text.toString();
    }
}
