package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A JSON tree as its leaf values by path, so two records can be compared value by value. Empty maps and lists are
 * leaves of their own, so that {@code {}} and a missing key stay different.
 */
public final class FlatJson {

    public static SortedMap<JsonPath, JsonNode> flatten(JsonNode tree) {
        SortedMap<JsonPath, JsonNode> values = new TreeMap<>();
        flatten(JsonPath.root(), tree, values);
        return Collections.unmodifiableSortedMap(values);
    }

    private static void flatten(JsonPath path, JsonNode node, SortedMap<JsonPath, JsonNode> values) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(field -> flatten(path.key(field.getKey()), field.getValue(), values));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path.index(i), node.get(i), values);
            }
        } else {
            values.put(path, node);
        }
    }

    private FlatJson() {
    }
}
