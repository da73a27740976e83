package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;

import java.util.Objects;

/** One distiller of a run's loss, with its name (for logged terms) and its weight in the sum. */
public record Objective(String name, Distiller distiller, double weight) {

    public Objective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distiller, "distiller");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of " + name + " must be a positive number, got " + weight);
        }
    }
}
