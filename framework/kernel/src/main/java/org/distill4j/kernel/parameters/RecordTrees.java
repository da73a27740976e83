package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes bound records back as trees: kebab-case keys in component order, every value present (defaults included,
 * absent values as null). Numbers are written from the record's Java values, so {@code 0.1}, {@code 1e-1} and
 * {@code 1.0e-1} given for a {@code double} all come out the same.
 */
final class RecordTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static ObjectNode toTree(Record record) {
        ObjectNode tree = NODES.objectNode();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            tree.set(KebabCase.ofCamelCase(component.getName()), toNode(read(record, component)));
        }
        return tree;
    }

    static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Integer integer) {
            return NODES.numberNode(integer);
        }
        if (value instanceof Long wide) {
            return NODES.numberNode(wide);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean truth) {
            return NODES.booleanNode(truth);
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(KebabCase.of(constant));
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(toNode(element)));
            return array;
        }
        if (value instanceof Record record) {
            return toTree(record);
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as a parameter value");
    }

    /** Replaces the value at a location below the root with a text. */
    static void replace(ObjectNode root, List<Object> segments, String text) {
        JsonNode parent = root;
        for (Object segment : segments.subList(0, segments.size() - 1)) {
            parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, NODES.textNode(text));
        } else {
            ((ObjectNode) parent).put((String) last, text);
        }
    }

    private static Object read(Record record, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + component.getName(), e);
        }
    }

    private RecordTrees() {
    }
}
