package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A run's {@code resolved.json} (the canonical form of the experiment it ran) with what that file deliberately leaves
 * out, so that {@link RecordedDescriptorReader} can turn it back into the {@link ResolvedExperiment} that wrote it.
 *
 * @param location      the {@code resolved.json} file, for messages
 * @param resolved      its content: every default filled in, {@code profile} recorded, {@code distillers} a list,
 *                      the teacher as {@code {experiment, hash, seed}} or {@code {file, sha256}}
 * @param seeds         the seeds the experiment is to run with (the canonical form has none: seeds are not identity)
 * @param source        the file the experiment names as its descriptor: copied into new run directories and hashed
 *                      into their provenance (a run directory's {@code descriptor.yaml} keeps the original text)
 * @param baseDirectory the directory relative path parameters (as written in the canonical form) resolve against:
 *                      the directory of the descriptor the run was made from
 * @param overrides     the overrides the run was made with (their values are already in {@code resolved}; the list
 *                      is carried into the provenance of new runs)
 */
public record RecordedDescriptor(Path location, JsonNode resolved, List<Long> seeds, Path source, Path baseDirectory,
        List<DescriptorOverride> overrides) {

    public RecordedDescriptor {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(resolved, "resolved");
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        overrides = List.copyOf(overrides);
    }

    /** The canonical JSON the record was written from: its identity, whatever the file's indentation. */
    public String canonicalJson() {
        return CanonicalJson.write(resolved);
    }

    /** The SHA-256 of {@link #canonicalJson()}: the hash the recorded run was filed under. */
    public String hash() {
        return CanonicalJson.sha256(canonicalJson());
    }
}
