package org.distill4j.datasets.idx;

import java.util.Locale;

/** Where the IDX files of a dataset come from. Descriptors write these in kebab-case. */
public enum IdxSource {
    /** The subset packed inside the datasets jar: no set-up, the same everywhere. */
    EMBEDDED,
    /** The Debian package's files (installed by {@code scripts/setup}). */
    DEBIAN,
    /** A directory the user names with the {@code directory} parameter. */
    DIRECTORY;

    /** The value as a descriptor writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
