package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * One value that differs between two JSON records.
 *
 * @param path   where it is
 * @param before its value in the first record, empty when only the second has it
 * @param after  its value in the second record, empty when only the first has it
 */
public record ValueDifference(JsonPath path, Optional<JsonNode> before, Optional<JsonNode> after) {

    public ValueDifference {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Every value that differs, sorted by path. Numbers compare by value: {@code 1} and {@code 1.0} are equal. */
    public static List<ValueDifference> between(JsonNode first, JsonNode second) {
        SortedMap<JsonPath, JsonNode> before = FlatJson.flatten(first);
        SortedMap<JsonPath, JsonNode> after = FlatJson.flatten(second);
        TreeSet<JsonPath> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<ValueDifference> differences = new ArrayList<>();
        for (JsonPath path : paths) {
            JsonNode left = before.get(path);
            JsonNode right = after.get(path);
            if (!same(left, right)) {
                differences.add(new ValueDifference(path, Optional.ofNullable(left), Optional.ofNullable(right)));
            }
        }
        return List.copyOf(differences);
    }

    /** {@code path: A -> B}, with {@code (only in B)} or {@code (only in A)} where one side lacks the value. */
    public String describe(String firstName, String secondName) {
        if (before.isEmpty()) {
            return path + ": (only in " + secondName + ") " + after.get();
        }
        if (after.isEmpty()) {
            return path + ": " + before.get() + " (only in " + firstName + ")";
        }
        return path + ": " + before.get() + " -> " + after.get();
    }

    private static boolean same(JsonNode left, JsonNode right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left.isNumber() && right.isNumber()) {
            return left.isIntegralNumber() && right.isIntegralNumber()
                    ? left.bigIntegerValue().equals(right.bigIntegerValue())
                    : Double.compare(left.doubleValue(), right.doubleValue()) == 0;
        }
        return left.equals(right);
    }
}
