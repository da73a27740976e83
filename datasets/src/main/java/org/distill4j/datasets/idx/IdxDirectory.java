package org.distill4j.datasets.idx;

import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.DataLocation;
import org.distill4j.datasets.files.FileLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the four IDX files of a dataset in a directory. Each may be gzipped ({@code name.gz}) or not ({@code name});
 * when both exist the gzipped one is read, as that is how the files are published.
 *
 * @param directory     where to look
 * @param dataset       the dataset's name, for messages
 * @param howToGetFiles what a user does when files are missing (a sentence)
 * @param remedy        what a user does when a file is damaged (a sentence fragment)
 */
public record IdxDirectory(Path directory, String dataset, String howToGetFiles, String remedy) {

    public IdxDirectory {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(howToGetFiles, "howToGetFiles");
        Objects.requireNonNull(remedy, "remedy");
        directory = directory.toAbsolutePath().normalize();
    }

    /** The location of each of the four files; throws a message listing every missing one. */
    public Map<IdxFile, DataLocation> locate() {
        if (!Files.isDirectory(directory)) {
            throw new DataFileException(dataset + ": " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist")
                    + "; expected a directory holding " + String.join(", ", allNames()) + ". " + howToGetFiles);
        }
        Map<IdxFile, DataLocation> found = new EnumMap<>(IdxFile.class);
        List<String> missing = new ArrayList<>();
        for (IdxFile file : IdxFile.values()) {
            Path gzipped = directory.resolve(file.gzippedName());
            Path raw = directory.resolve(file.standardName());
            if (Files.isRegularFile(gzipped)) {
                found.put(file, new FileLocation(gzipped, remedy));
            } else if (Files.isRegularFile(raw)) {
                found.put(file, new FileLocation(raw, remedy));
            } else {
                missing.add(file.gzippedName() + " (or " + file.standardName() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFileException(dataset + ": " + missing.size() + " of the 4 IDX files "
                    + (missing.size() == 1 ? "is" : "are") + " missing in " + directory + ": "
                    + String.join(", ", missing) + ". " + howToGetFiles);
        }
        return Collections.unmodifiableMap(found);
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (IdxFile file : IdxFile.values()) {
            names.add(file.gzippedName());
        }
        return names;
    }
}
