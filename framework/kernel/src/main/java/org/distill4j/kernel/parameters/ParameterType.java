package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** The supported parameter types, decided once from a record component's Java type. */
sealed interface ParameterType {

    /** {@code int} or {@code long} (wide), boxed or not. */
    record IntegerType(boolean wide) implements ParameterType {
    }

    /** {@code double}, boxed or not; integers are accepted. */
    record NumberType() implements ParameterType {
    }

    record BooleanType() implements ParameterType {
    }

    record StringType() implements ParameterType {
    }

    /** An enum, written as the kebab-case of its constants. */
    record EnumType(Class<?> type) implements ParameterType {
    }

    record ListType(ParameterType element) implements ParameterType {
    }

    /** A nested record: a map of its components' keys. */
    record RecordType(Class<? extends Record> type) implements ParameterType {
    }

    /** A tree kept as written, for sections another binder checks: any value, or only a map. */
    record TreeType(boolean mapOnly) implements ParameterType {
    }

    /** A type bound by a registered {@link ValueBinder}. */
    record CustomType(Class<?> type, ValueBinder<?> binder) implements ParameterType {
    }

    static ParameterType of(Type type, Map<Class<?>, ValueBinder<?>> valueBinders) {
        if (type instanceof Class<?> plain) {
            return ofClass(plain, valueBinders);
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return new ListType(of(parameterized.getActualTypeArguments()[0], valueBinders));
        }
        throw unsupported(type);
    }

    private static ParameterType ofClass(Class<?> type, Map<Class<?>, ValueBinder<?>> valueBinders) {
        ValueBinder<?> custom = valueBinders.get(type);
        if (custom != null) {
            return new CustomType(type, custom);
        }
        if (type == int.class || type == Integer.class) {
            return new IntegerType(false);
        }
        if (type == long.class || type == Long.class) {
            return new IntegerType(true);
        }
        if (type == double.class || type == Double.class) {
            return new NumberType();
        }
        if (type == boolean.class || type == Boolean.class) {
            return new BooleanType();
        }
        if (type == String.class) {
            return new StringType();
        }
        if (type.isEnum()) {
            return new EnumType(type);
        }
        if (type.isRecord()) {
            return new RecordType(type.asSubclass(Record.class));
        }
        if (type == JsonNode.class) {
            return new TreeType(false);
        }
        if (type == ObjectNode.class) {
            return new TreeType(true);
        }
        throw unsupported(type);
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("unsupported parameter type " + type.getTypeName()
                + "; use int, long, double, boolean, String, an enum, a record, or a List of those");
    }
}
