package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Binds descriptor trees to parameter records (see {@link org.distill4j.api.Parameter}), collecting every problem
 * instead of stopping at the first.
 *
 * <p>Keys are the kebab-case of the record's component names ({@code weightDecay} is {@code weight-decay}) and enum
 * values the kebab-case of their constants ({@code BEST_VALIDATION} is {@code best-validation}). Nothing is
 * coerced: the string {@code "4"} is not an integer, {@code 4.5} is not an integer, and only {@code true} and
 * {@code false} are booleans; integers are accepted for {@code double}s. A missing key takes its
 * {@link org.distill4j.api.Parameter#defaultValue() default}, parsed as YAML and checked like a given value.
 * A path parameter has {@code ${NAME}} expanded from the environment and resolves against a base directory.
 *
 * <p>Instances are immutable; {@link #with} gives a binder that also knows a custom type.
 */
public final class ParameterBinder {

    private final Map<String, String> environment;
    private final Map<Class<?>, ValueBinder<?>> valueBinders;

    /** A binder that expands {@code ${NAME}} from the process environment. */
    public ParameterBinder() {
        this(System.getenv());
    }

    /** A binder that expands {@code ${NAME}} from the given variables (tests and embedding use this). */
    public ParameterBinder(Map<String, String> environment) {
        this(environment, Map.of());
    }

    private ParameterBinder(Map<String, String> environment, Map<Class<?>, ValueBinder<?>> valueBinders) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.valueBinders = Map.copyOf(valueBinders);
    }

    /** A binder that also binds the given type, with the given value binder, wherever a record component has it. */
    public <T> ParameterBinder with(Class<T> type, ValueBinder<T> binder) {
        Map<Class<?>, ValueBinder<?>> more = new HashMap<>(valueBinders);
        more.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(binder, "binder"));
        return new ParameterBinder(environment, more);
    }

    /**
     * Binds a tree to a record.
     *
     * @param tree          the parameters as parsed from YAML; null, missing or a null node mean "all defaults"
     * @param type          the parameter record
     * @param path          where the tree sits in the descriptor, prefixed to every problem (e.g. {@code distiller.params})
     * @param baseDirectory the directory relative path parameters resolve against (the descriptor's directory)
     * @return the record and every problem found
     * @throws IllegalArgumentException when the record itself is unusable (an unsupported component type, a
     *                                  default that is not YAML): a bug in the record, not in the descriptor
     */
    public <R extends Record> Binding<R> bind(JsonNode tree, Class<R> type, String path, Path baseDirectory) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        return new TreeBinder(settings(baseDirectory)).bind(tree, type, Location.root(path));
    }

    /**
     * A bound record as a tree: kebab-case keys in component order and every value, defaults included. Path
     * parameters hold the resolved path; {@link Binding#canonicalTree()} keeps them as written.
     */
    public ObjectNode toTree(Record record) {
        return RecordTrees.toTree(Objects.requireNonNull(record, "record"));
    }

    /** Every parameter of a record, nested records flattened under their key, for {@code distill4j list}. */
    public List<ParameterInfo> describe(Class<? extends Record> type) {
        return new ParameterDescriber(settings(Path.of(""))).describe(type);
    }

    private BinderSettings settings(Path baseDirectory) {
        return new BinderSettings(environment, valueBinders, Objects.requireNonNull(baseDirectory, "baseDirectory"));
    }
}
