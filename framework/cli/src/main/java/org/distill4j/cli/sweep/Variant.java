package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.DescriptorOverride;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One experiment a sweep runs: a descriptor file and the overrides that make it a variant (none for the descriptor
 * as written). Table specs list their rows as variants.
 *
 * @param descriptor the descriptor file, absolute and normalised
 * @param overrides  values set after the profile, in order
 */
public record Variant(Path descriptor, List<DescriptorOverride> overrides) {

    public Variant {
        descriptor = Objects.requireNonNull(descriptor, "descriptor").toAbsolutePath().normalize();
        overrides = List.copyOf(overrides);
    }

    /** The descriptor as written, without overrides. */
    public static Variant of(Path descriptor) {
        return new Variant(descriptor, List.of());
    }

    /** This variant with more overrides applied after its own (the sweep's {@code --override} values). */
    public Variant withOverrides(List<DescriptorOverride> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<DescriptorOverride> all = new ArrayList<>(overrides);
        all.addAll(more);
        return new Variant(descriptor, all);
    }

    @Override
    public String toString() {
        return overrides.isEmpty() ? descriptor.toString() : descriptor + " " + overrides;
    }
}
