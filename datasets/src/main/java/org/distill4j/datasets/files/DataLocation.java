package org.distill4j.datasets.files;

/**
 * Where a data file lives: on disk, or inside the datasets jar. Each location knows how a user gets a good copy of
 * its file, because that advice differs between a Debian package, a user's directory and the jar itself.
 */
public sealed interface DataLocation permits FileLocation, ResourceLocation {

    /** The file as users see it in messages and provenance: an absolute path or {@code classpath:...}. */
    String location();

    /** What to do when the file is missing or damaged, as a sentence fragment ("re-install with scripts/setup"). */
    String remedy();

    /** The whole file, as stored (still compressed if it is gzipped). */
    byte[] readAllBytes();
}
