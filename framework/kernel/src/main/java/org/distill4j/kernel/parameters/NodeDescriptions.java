package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;

/** What a given value is, for "expected ..., got ..." problems: {@code the string 'abc'}, {@code a map}. */
public final class NodeDescriptions {

    /** The value as a problem describes it; null and missing values are "nothing (null)". */
    public static String of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing (null)";
        }
        if (node.isTextual()) {
            return "the string '" + node.textValue() + "'";
        }
        if (node.isIntegralNumber()) {
            return "the integer " + node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list of " + node.size() + (node.size() == 1 ? " item" : " items");
        }
        return "a map";
    }

    private NodeDescriptions() {
    }
}
