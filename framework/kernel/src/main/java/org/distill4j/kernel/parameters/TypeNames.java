package org.distill4j.kernel.parameters;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parameter types as users write them, for listings and problems. */
final class TypeNames {

    /** The type's name: {@code integer}, {@code list of numbers}, {@code one of: paper, code}, ... */
    static String name(ParameterType type, boolean path) {
        if (type instanceof ParameterType.IntegerType) {
            return "integer";
        }
        if (type instanceof ParameterType.NumberType) {
            return "number";
        }
        if (type instanceof ParameterType.BooleanType) {
            return "boolean";
        }
        if (type instanceof ParameterType.StringType) {
            return path ? "path" : "string";
        }
        if (type instanceof ParameterType.EnumType choice) {
            return "one of: " + constants(choice.type());
        }
        if (type instanceof ParameterType.ListType list) {
            return "list of " + plural(name(list.element(), path));
        }
        if (type instanceof ParameterType.TreeType tree) {
            return tree.mapOnly() ? "map" : "any value";
        }
        if (type instanceof ParameterType.CustomType custom) {
            return custom.binder().typeName();
        }
        return "map";
    }

    /** What a value must be, to follow "expected": {@code an integer}, {@code true or false}, ... */
    static String expectation(ParameterType type, boolean path) {
        if (type instanceof ParameterType.IntegerType) {
            return "an integer";
        }
        if (type instanceof ParameterType.BooleanType) {
            return "true or false";
        }
        if (type instanceof ParameterType.StringType) {
            return path ? "a path (a string)" : "a string";
        }
        if (type instanceof ParameterType.EnumType choice) {
            return "one of: " + constants(choice.type());
        }
        if (type instanceof ParameterType.TreeType tree && !tree.mapOnly()) {
            return "a value";
        }
        return "a " + name(type, path);
    }

    /** The kebab-case names of an enum's constants, comma-separated. */
    static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> KebabCase.of((Enum<?>) constant))
                .collect(Collectors.joining(", "));
    }

    private static String plural(String name) {
        if (name.startsWith("one of: ")) {
            return "values, each " + name;
        }
        if (name.startsWith("list of ")) {
            return "lists of " + name.substring("list of ".length());
        }
        if (name.equals("any value")) {
            return "values of any kind";
        }
        return name + "s";
    }

    private TypeNames() {
    }
}
