package org.distill4j.api.data;

import java.util.Objects;

/** A file a dataset was read from, for provenance. */
public record DataFile(String location, String sha256, long bytes) {

    public DataFile {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }
}
