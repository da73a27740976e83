package org.distill4j.kernel.parameters;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one binding works with: the environment for {@code ${NAME}} in paths, the registered value binders, and the
 * directory relative paths resolve against.
 */
record BinderSettings(Map<String, String> environment, Map<Class<?>, ValueBinder<?>> valueBinders, Path baseDirectory) {

    BinderSettings {
        environment = Map.copyOf(environment);
        valueBinders = Map.copyOf(valueBinders);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /** The parameter type of a record component, or an exception naming the component. */
    ParameterType typeOf(RecordComponent component) {
        try {
            return ParameterType.of(component.getGenericType(), valueBinders);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component.getDeclaringRecord().getName() + "." + component.getName()
                    + ": " + e.getMessage(), e);
        }
    }
}
