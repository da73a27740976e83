package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;

import java.util.Objects;

/**
 * One distiller of an experiment and the weight of its loss in the sum of all distillers' losses.
 *
 * @param distiller the distiller
 * @param weight    its loss is multiplied by this, {@code > 0}
 */
public record WeightedDistiller(ComponentChoice distiller, double weight) {

    public WeightedDistiller {
        Objects.requireNonNull(distiller, "distiller");
        if (distiller.kind() != ComponentKind.DISTILLER) {
            throw new IllegalArgumentException("expected a distiller, got " + distiller);
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("a distiller's weight must be a finite number > 0, got " + weight);
        }
    }
}
