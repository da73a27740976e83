package org.distill4j.datasets.cifar;

import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.FileLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the six batch files of CIFAR-10 in a directory, or in its {@code cifar-10-batches-bin} sub-directory
 * (users often name the folder they unpacked the archive into).
 */
record Cifar10Directory(Path directory) {

    Cifar10Directory {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
    }

    /** The directory holding the batches; throws a message listing every missing file. */
    Path locate() {
        if (!Files.isDirectory(directory)) {
            throw new DataFileException(Cifar10.NAME + ": " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist") + ". "
                    + Cifar10.HOW_TO_GET_FILES);
        }
        Path unpacked = directory.resolve(Cifar10.ARCHIVE_FOLDER);
        if (missing(directory).size() == allFiles().size() && Files.isDirectory(unpacked)) {
            return requireComplete(unpacked);
        }
        return requireComplete(directory);
    }

    static List<FileLocation> trainFiles(Path batches) {
        List<FileLocation> files = new ArrayList<>();
        for (String name : Cifar10.TRAIN_FILES) {
            files.add(new FileLocation(batches.resolve(name), Cifar10.REMEDY));
        }
        return List.copyOf(files);
    }

    static FileLocation testFile(Path batches) {
        return new FileLocation(batches.resolve(Cifar10.TEST_FILE), Cifar10.REMEDY);
    }

    private static Path requireComplete(Path batches) {
        List<String> missing = missing(batches);
        if (!missing.isEmpty()) {
            throw new DataFileException(Cifar10.NAME + ": " + missing.size() + " of the 6 batch files "
                    + (missing.size() == 1 ? "is" : "are") + " missing in " + batches + ": "
                    + String.join(", ", missing) + ". " + Cifar10.HOW_TO_GET_FILES);
        }
        return batches;
    }

    private static List<String> missing(Path batches) {
        List<String> missing = new ArrayList<>();
        for (String name : allFiles()) {
            if (!Files.isRegularFile(batches.resolve(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static List<String> allFiles() {
        List<String> names = new ArrayList<>(Cifar10.TRAIN_FILES);
        names.add(Cifar10.TEST_FILE);
        return names;
    }
}
