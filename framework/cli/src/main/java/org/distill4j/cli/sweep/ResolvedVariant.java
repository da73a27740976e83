package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.util.Objects;

/**
 * A variant after its descriptor was parsed and validated with the sweep's profile and its overrides.
 *
 * @param variant    what was asked for
 * @param experiment what it resolved to: identity, seeds and teacher
 */
public record ResolvedVariant(Variant variant, ResolvedExperiment experiment) {

    public ResolvedVariant {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(experiment, "experiment");
    }
}
