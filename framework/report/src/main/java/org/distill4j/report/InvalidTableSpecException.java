package org.distill4j.report;

import org.distill4j.api.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A table spec has problems; the message lists all of them, one a line, each with its path in the spec. */
public final class InvalidTableSpecException extends RuntimeException {

    private final Path source;
    private final List<Problem> problems;

    public InvalidTableSpecException(Path source, List<Problem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public Path source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(Path source, List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ",
                "table spec " + source + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + ":\n  ", ""));
    }
}
