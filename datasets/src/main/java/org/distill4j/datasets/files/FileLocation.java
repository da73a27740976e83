package org.distill4j.datasets.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/** A data file on disk. */
public record FileLocation(Path path, String remedy) implements DataLocation {

    public FileLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(remedy, "remedy");
        path = path.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public byte[] readAllBytes() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException missing) {
            throw new DataFileException(path + " does not exist; " + remedy, missing);
        } catch (IOException failure) {
            throw new DataFileException("cannot read " + path + " (" + failure + "); " + remedy, failure);
        }
    }
}
