package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A distiller section after its name was found and its parameters bound.
 *
 * @param component the distiller
 * @param weight    the weight of its loss
 */
record WeightedComponent(ResolvedComponent component, double weight) {

    WeightedComponent {
        Objects.requireNonNull(component, "component");
    }

    WeightedDistiller toDistiller() {
        return new WeightedDistiller(component.choice(), weight);
    }

    /** The canonical section: name, params and weight. */
    ObjectNode canonical() {
        ObjectNode canonical = component.canonical().deepCopy();
        canonical.put("weight", weight);
        return canonical;
    }
}
