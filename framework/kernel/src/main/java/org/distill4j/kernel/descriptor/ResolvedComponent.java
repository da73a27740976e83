package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A component section of the descriptor after its name was found and its parameters bound.
 *
 * @param choice    the component and its parameter record
 * @param canonical the section in canonical form: its name key ({@code name} or {@code family}) and every
 *                  parameter, defaults included, with path parameters as written
 */
public record ResolvedComponent(ComponentChoice choice, ObjectNode canonical) {

    public ResolvedComponent {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(canonical, "canonical");
    }
}
