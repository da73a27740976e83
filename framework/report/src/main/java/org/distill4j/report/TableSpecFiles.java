package org.distill4j.report;

import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds table specs: the {@code *.yaml} and {@code *.yml} files directly inside a folder named {@code tables},
 * anywhere under a directory (the counterpart of the kernel's DescriptorFiles, which skips those folders).
 */
public final class TableSpecFiles {

    static final String TABLES = "tables";

    /** Every table spec under a directory, sorted by its '/'-joined path below the directory. */
    public static List<Path> find(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(TableSpecFiles::isTableSpec)
                    .sorted(Comparator.comparing(file -> Paths.slashed(root.relativize(file))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list table specs under " + directory + ": " + FileErrors.describe(e), e);
        }
    }

    /**
     * Command-line arguments as spec files: a file is itself, a folder every spec under it; each file once, in the
     * order given.
     *
     * @throws IllegalArgumentException for an argument that does not exist or a folder without specs
     */
    public static List<Path> expand(List<Path> arguments) {
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        for (Path argument : arguments) {
            Path absolute = argument.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                List<Path> found = find(absolute);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no table specs (tables/*.yaml) under " + argument);
                }
                files.addAll(found);
            } else if (Files.isRegularFile(absolute)) {
                files.add(absolute);
            } else {
                throw new IllegalArgumentException("no such table spec file or folder: " + argument);
            }
        }
        return new ArrayList<>(files);
    }

    /** Whether a path is a table spec by its place: a {@code *.yaml} or {@code *.yml} file in a folder named tables. */
    public static boolean isTableSpec(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? null : absolute.getParent().getFileName();
        return Files.isRegularFile(absolute) && isYaml(absolute) && folder != null && folder.toString().equals(TABLES);
    }

    /** Whether a path is a folder named tables: the folder that holds table specs. */
    public static boolean isTablesFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return Files.isDirectory(absolute) && absolute.getFileName() != null
                && absolute.getFileName().toString().equals(TABLES);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private TableSpecFiles() {
    }
}
