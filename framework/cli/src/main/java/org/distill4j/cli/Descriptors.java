package org.distill4j.cli;

import org.distill4j.kernel.descriptor.DescriptorFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Expands command-line arguments (descriptor files and folders) into descriptor files. */
final class Descriptors {

    static List<Path> expand(List<Path> arguments) {
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        for (Path argument : arguments) {
            Path absolute = argument.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                List<Path> found = DescriptorFiles.find(absolute);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no descriptors (*.yaml) under " + argument);
                }
                files.addAll(found);
            } else if (Files.isRegularFile(absolute)) {
                files.add(absolute);
            } else {
                throw new IllegalArgumentException("no such descriptor file or folder: " + argument);
            }
        }
        return new ArrayList<>(files);
    }

    private Descriptors() {
    }
}
