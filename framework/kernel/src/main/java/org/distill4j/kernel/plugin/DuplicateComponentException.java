package org.distill4j.kernel.plugin;

/** Two plugins provide a component of the same kind under the same name. */
public final class DuplicateComponentException extends RuntimeException {

    public DuplicateComponentException(RegisteredComponent first, RegisteredComponent second) {
        super(first.component().kind().label() + " '" + first.name() + "' is provided by two plugins: "
                + first.pluginLabel() + " and " + second.pluginLabel()
                + "; remove one of the plugins from the class path");
    }
}
