package org.distill4j.api;

import com.google.inject.Module;

import java.util.List;

/**
 * The entry point of a plugin jar, listed in {@code META-INF/services/org.distill4j.api.Distill4jPlugin}.
 *
 * <p>A plugin only describes what it provides: the kernel discovers it with {@link java.util.ServiceLoader},
 * registers its components under their names, and creates a component with Guice when a descriptor asks for it,
 * binding the component's parameter record so the implementation can inject it. Implementations do no I/O.
 */
public interface Distill4jPlugin {

    /** The plugin's kebab-case name, e.g. {@code hinton-kd}; errors about duplicate components name it. */
    String name();

    /** Every component this plugin provides. */
    List<Component<?>> components();

    /**
     * Bindings for plugin-private helpers its components inject. Bindings only: no I/O, no conditionals.
     * The default binds nothing.
     */
    default Module module() {
        return binder -> { };
    }
}
