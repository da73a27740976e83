package org.distill4j.cli.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a command-line argument of {@code distill4j sweep} into the variants it stands for, for arguments that are
 * not plain descriptor files or folders: a table spec, for instance, stands for its rows' (descriptor, overrides)
 * variants. The sweep asks its sources in order; an argument that no source claims is a descriptor file or folder.
 */
@FunctionalInterface
public interface VariantSource {

    /**
     * The variants the argument stands for, or empty when the argument is not this source's kind of file.
     *
     * @throws IllegalArgumentException when the argument is this source's kind but cannot be read; the message says
     *                                  what is wrong and where
     */
    Optional<List<Variant>> variants(Path argument);
}
