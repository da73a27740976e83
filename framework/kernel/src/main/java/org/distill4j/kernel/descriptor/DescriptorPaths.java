package org.distill4j.kernel.descriptor;

import java.io.IOException;
import java.nio.file.Path;

/** One name per descriptor file, so that teacher cycles are found through symbolic links and {@code ..} too. */
final class DescriptorPaths {

    static Path identity(Path descriptor) {
        Path absolute = descriptor.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    private DescriptorPaths() {
    }
}
