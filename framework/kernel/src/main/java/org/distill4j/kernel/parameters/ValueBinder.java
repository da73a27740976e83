package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Binds values of one type that {@link ParameterBinder} does not know by itself, such as a reference to a named
 * component whose parameters depend on the name. Registered with {@link ParameterBinder#with}.
 *
 * @param <T> the type it binds
 */
public interface ValueBinder<T> {

    /** The type as users write it, for "missing required key" problems and {@code describe}. */
    String typeName();

    /**
     * Binds a value that is present and not null (absent and null values follow the component's default).
     *
     * @return the value, or empty after reporting at least one problem through the scope
     */
    Optional<T> bind(JsonNode value, BindingScope scope);
}
