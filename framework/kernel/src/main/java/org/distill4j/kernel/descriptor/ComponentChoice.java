package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;

import java.util.Objects;

/**
 * A named component chosen by a descriptor, with its parameters bound and valid. Create the instance with
 * {@link org.distill4j.kernel.plugin.ComponentFactory#create}.
 *
 * @param kind       what sort of component it is
 * @param name       its registered name
 * @param parameters its parameter record, every default filled in and path parameters resolved to absolute paths
 */
public record ComponentChoice(ComponentKind kind, String name, Record parameters) {

    public ComponentChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String toString() {
        return kind.label() + " '" + name + "' " + parameters;
    }
}
