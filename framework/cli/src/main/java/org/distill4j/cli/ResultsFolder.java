package org.distill4j.cli;

import picocli.CommandLine;

import java.nio.file.Path;

/**
 * Converts {@code --results}: an empty or blank value is refused, since it would put the runs into the current
 * directory (usually the repository root) instead of a results folder.
 */
final class ResultsFolder implements CommandLine.ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        if (value == null || value.isBlank()) {
            throw new CommandLine.TypeConversionException("--results is empty; give the folder the runs are kept in"
                    + " (the default is 'results')");
        }
        return Path.of(value);
    }
}
