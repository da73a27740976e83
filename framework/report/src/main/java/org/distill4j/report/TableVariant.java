package org.distill4j.report;

import org.distill4j.kernel.descriptor.DescriptorOverride;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One experiment a table reads: a descriptor and the overrides a column applies to it. Parsing the descriptor with
 * a profile and these overrides gives the identity whose runs fill the cell, so a sweep that trains every variant
 * of a table trains exactly the runs the table reads.
 *
 * @param descriptor the descriptor file, absolute and normalised
 * @param overrides  the values set after the profile; empty for a row without columns or a fixed row
 */
public record TableVariant(Path descriptor, List<DescriptorOverride> overrides) {

    public TableVariant {
        Objects.requireNonNull(descriptor, "descriptor");
        overrides = List.copyOf(overrides);
    }

    @Override
    public String toString() {
        return descriptor + (overrides.isEmpty() ? "" : " " + overrides);
    }
}
