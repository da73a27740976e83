package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.distill4j.api.Parameter;
import org.distill4j.api.Problem;
import org.distill4j.api.Range;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One binding of a tree to a record. It walks tree and record together and keeps going after a problem, so that
 * every problem of the tree is found in one pass; a value that could not be bound is {@link #INVALID} and makes the
 * enclosing record unbuildable without stopping its siblings.
 */
final class TreeBinder {

    private static final Object INVALID = new Object();

    private final BinderSettings settings;
    private final PathExpansion paths;
    private final List<Problem> problems = new ArrayList<>();
    private final List<WrittenText> writtenTexts = new ArrayList<>();

    TreeBinder(BinderSettings settings) {
        this.settings = settings;
        this.paths = new PathExpansion(settings.environment());
    }

    /** Binds a tree (null, missing or a null node meaning "all defaults") to a record at a location. */
    <R extends Record> Binding<R> bind(JsonNode tree, Class<R> type, Location at) {
        JsonNode node = tree == null || tree.isMissingNode() || tree.isNull() ? JsonNodeFactory.instance.objectNode() : tree;
        Object value = bindRecord(node, type, at);
        Optional<R> built = value == INVALID ? Optional.empty() : Optional.of(type.cast(value));
        return new Binding<>(built, problems, writtenTexts);
    }

    private Object bindRecord(JsonNode node, Class<? extends Record> type, Location at) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            byKey.put(KebabCase.ofCamelCase(component.getName()), component);
        }
        if (!node.isObject()) {
            report(at, "expected a map" + (byKey.isEmpty() ? "" : " with keys " + String.join(", ", byKey.keySet()))
                    + ", got " + NodeDescriptions.of(node));
            return INVALID;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!byKey.containsKey(key)) {
                report(at.child(key), UnknownNames.unknownKey(key, List.copyOf(byKey.keySet())));
            }
        });
        Object[] values = new Object[components.length];
        boolean complete = true;
        for (int i = 0; i < components.length; i++) {
            String key = KebabCase.ofCamelCase(components[i].getName());
            values[i] = bindComponent(node.get(key), key, components[i], at.child(key));
            complete &= values[i] != INVALID;
        }
        return complete ? construct(type, components, values, at) : INVALID;
    }

    private Object bindComponent(JsonNode given, String key, RecordComponent component, Location at) {
        ParameterType type = settings.typeOf(component);
        Parameter parameter = component.getAnnotation(Parameter.class);
        String defaultText = parameter == null ? Parameter.REQUIRED : parameter.defaultValue();
        if (defaultText.equals(Parameter.ABSENT) && component.getType().isPrimitive()) {
            throw new IllegalArgumentException(component.getDeclaringRecord().getName() + "." + component.getName()
                    + " is a primitive and cannot default to Parameter.ABSENT (null); use the boxed type");
        }
        if (given == null) {
            if (defaultText.equals(Parameter.REQUIRED)) {
                report(at, "missing required key '" + key + "' (" + describe(type, component) + ")"
                        + (parameter == null || parameter.description().isEmpty() ? "" : ": " + parameter.description()));
                return INVALID;
            }
            return defaultText.equals(Parameter.ABSENT) ? null : bindDefault(defaultText, type, component, at);
        }
        if (given.isNull() && !(type instanceof ParameterType.TreeType tree && !tree.mapOnly())) {
            if (defaultText.equals(Parameter.ABSENT)) {
                return null;
            }
            report(at, "expected " + TypeNames.expectation(type, isPath(component)) + ", got nothing (null)"
                    + (defaultText.equals(Parameter.REQUIRED) ? "" : "; leave '" + key + "' out to use the default " + defaultText));
            return INVALID;
        }
        return bindValue(given, type, component, at);
    }

    // A default is bound like a given value, so it is checked the same way (range, paths, component names); its
    // problems say they come from the default, because the user did not write it.
    private Object bindDefault(String defaultText, ParameterType type, RecordComponent component, Location at) {
        YamlDocument parsed = StrictYaml.read(defaultText);
        if (!parsed.problems().isEmpty() || parsed.tree().isEmpty() || parsed.tree().get().isNull()) {
            throw new IllegalArgumentException(component.getDeclaringRecord().getName() + "." + component.getName()
                    + ": default '" + defaultText + "' is not a YAML value " + parsed.problems()
                    + "; write it as in a descriptor, or use Parameter.ABSENT for no value");
        }
        TreeBinder inner = new TreeBinder(settings);
        Object value = inner.bindValue(parsed.tree().get(), type, component, at);
        for (Problem problem : inner.problems) {
            problems.add(new Problem(problem.path(), problem.message() + " (in the default " + defaultText + ")"));
        }
        writtenTexts.addAll(inner.writtenTexts);
        return value;
    }

    private Object bindValue(JsonNode node, ParameterType type, AnnotatedElement element, Location at) {
        if (type instanceof ParameterType.IntegerType integer) {
            return bindInteger(node, integer, element, at);
        }
        if (type instanceof ParameterType.NumberType) {
            return bindNumber(node, element, at);
        }
        if (type instanceof ParameterType.BooleanType) {
            return node.isBoolean() ? (Object) node.booleanValue() : unexpected(type, element, node, at);
        }
        if (type instanceof ParameterType.StringType) {
            return node.isTextual() ? bindText(node.textValue(), element, at) : unexpected(type, element, node, at);
        }
        if (type instanceof ParameterType.EnumType choice) {
            return bindEnum(node, choice, at);
        }
        if (type instanceof ParameterType.ListType list) {
            return bindList(node, list, element, at);
        }
        if (type instanceof ParameterType.RecordType record) {
            return bindRecord(node, record.type(), at);
        }
        if (type instanceof ParameterType.TreeType tree) {
            return !tree.mapOnly() || node.isObject() ? (Object) node.deepCopy() : unexpected(type, element, node, at);
        }
        return bindCustom(node, (ParameterType.CustomType) type, element, at);
    }

    private Object bindInteger(JsonNode node, ParameterType.IntegerType type, AnnotatedElement element, Location at) {
        if (!node.isIntegralNumber()) {
            return unexpected(type, element, node, at);
        }
        if (type.wide() ? !node.canConvertToLong() : !node.canConvertToInt()) {
            report(at, "expected an integer from " + (type.wide() ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE) + ", got " + node.asText());
            return INVALID;
        }
        Object value = type.wide() ? (Object) node.longValue() : (Object) node.intValue();
        return inRange(value, node.doubleValue(), element, at) ? value : INVALID;
    }

    private Object bindNumber(JsonNode node, AnnotatedElement element, Location at) {
        if (!node.isNumber()) {
            return unexpected(new ParameterType.NumberType(), element, node, at);
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            report(at, "expected a finite number, got " + node.asText());
            return INVALID;
        }
        // -0.0 and 0.0 are the same parameter value; keep one, so they have one canonical form.
        Double bound = value == 0.0 ? 0.0 : value;
        return inRange(bound, value, element, at) ? bound : INVALID;
    }

    private boolean inRange(Object value, double number, AnnotatedElement element, Location at) {
        Range range = element == null ? null : element.getAnnotation(Range.class);
        if (range != null && !RangeRule.contains(range, number)) {
            report(at, value + " is out of range: must be " + RangeRule.text(range));
            return false;
        }
        return true;
    }

    private Object bindText(String text, AnnotatedElement element, Location at) {
        if (!isPath(element)) {
            return text;
        }
        PathExpansion.Expanded expanded = paths.expand(text, settings.baseDirectory());
        if (!expanded.problems().isEmpty()) {
            expanded.problems().forEach(problem -> report(at, problem));
            return INVALID;
        }
        writtenTexts.add(new WrittenText(at.segments(), text));
        return expanded.path();
    }

    private Object bindEnum(JsonNode node, ParameterType.EnumType choice, Location at) {
        if (!node.isTextual()) {
            report(at, "expected one of: " + TypeNames.constants(choice.type()) + ", got " + NodeDescriptions.of(node));
            return INVALID;
        }
        List<String> names = new ArrayList<>();
        for (Object constant : choice.type().getEnumConstants()) {
            String name = KebabCase.of((Enum<?>) constant);
            if (name.equals(node.textValue())) {
                return constant;
            }
            names.add(name);
        }
        report(at, UnknownNames.invalidConstant(node.textValue(), names));
        return INVALID;
    }

    private Object bindList(JsonNode node, ParameterType.ListType list, AnnotatedElement element, Location at) {
        if (!node.isArray()) {
            return unexpected(list, element, node, at);
        }
        List<Object> values = new ArrayList<>(node.size());
        boolean complete = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Location itemAt = at.index(i);
            Object value = item.isNull()
                    ? unexpected(list.element(), element, item, itemAt)
                    : bindValue(item, list.element(), element, itemAt);
            complete &= value != INVALID;
            values.add(value);
        }
        return complete ? List.copyOf(values) : INVALID;
    }

    private Object bindCustom(JsonNode node, ParameterType.CustomType custom, AnnotatedElement element, Location at) {
        int before = problems.size();
        Optional<?> value = custom.binder().bind(node, new ValueBinderScope(settings, problems, at, element));
        if (value.isPresent()) {
            return value.get();
        }
        if (problems.size() == before) {
            report(at, "expected " + custom.binder().typeName() + ", got " + NodeDescriptions.of(node));
        }
        return INVALID;
    }

    private Object construct(Class<? extends Record> type, RecordComponent[] components, Object[] values, Location at) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            // A record's constructor is where cross-parameter rules live ("min must be below max"); its message is
            // the problem.
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                report(at, invalid.getMessage() == null ? "invalid combination of values" : invalid.getMessage());
                return INVALID;
            }
            throw new IllegalStateException("the constructor of " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private Object unexpected(ParameterType type, AnnotatedElement element, JsonNode node, Location at) {
        report(at, "expected " + TypeNames.expectation(type, isPath(element)) + ", got " + NodeDescriptions.of(node));
        return INVALID;
    }

    private void report(Location at, String message) {
        problems.add(new Problem(at.text(), message));
    }

    private static String describe(ParameterType type, AnnotatedElement element) {
        Range range = element.getAnnotation(Range.class);
        String rangeText = range == null ? "" : RangeRule.text(range);
        return TypeNames.name(type, isPath(element)) + (rangeText.isEmpty() ? "" : " " + rangeText);
    }

    private static boolean isPath(AnnotatedElement element) {
        Parameter parameter = element == null ? null : element.getAnnotation(Parameter.class);
        return parameter != null && parameter.path();
    }
}
