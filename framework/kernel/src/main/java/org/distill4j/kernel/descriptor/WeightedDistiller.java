package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.ComponentKind;

import java.util.Objects;

/**
 * One distiller of an experiment, as its section {@code {name, params, weight}} bound: the component and the weight
 * of its loss in the sum of all distillers' losses. The binder checks the weight ({@code > 0}) where it is written.
 *
 * @param component the distiller component, with its canonical section
 * @param weight    its loss is multiplied by this
 */
public record WeightedDistiller(ResolvedComponent component, double weight) {

    public WeightedDistiller {
        Objects.requireNonNull(component, "component");
        if (component.choice().kind() != ComponentKind.DISTILLER) {
            throw new IllegalArgumentException("expected a distiller, got " + component.choice());
        }
    }

    /** The distiller and its bound parameters. */
    public ComponentChoice distiller() {
        return component.choice();
    }

    /** The canonical section: name, params and weight. */
    ObjectNode canonical() {
        ObjectNode canonical = component.canonical().deepCopy();
        canonical.put("weight", weight);
        return canonical;
    }
}
