package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing a descriptor: the resolved experiment, or every problem found (never both).
 *
 * @param source     the descriptor file
 * @param experiment the experiment, present when there are no problems
 * @param problems   every problem, each with its path in the descriptor; empty when the experiment is present
 */
public record ParseResult(Path source, Optional<ResolvedExperiment> experiment, List<Problem> problems) {

    public ParseResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(experiment, "experiment");
        problems = List.copyOf(problems);
        if (experiment.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a parse result has either an experiment or problems");
        }
    }

    public static ParseResult valid(ResolvedExperiment experiment) {
        return new ParseResult(experiment.source(), Optional.of(experiment), List.of());
    }

    public static ParseResult invalid(Path source, List<Problem> problems) {
        return new ParseResult(source, Optional.empty(), problems);
    }

    public boolean isValid() {
        return experiment.isPresent();
    }

    /** The experiment, or an {@link InvalidDescriptorException} that lists every problem. */
    public ResolvedExperiment orElseThrow() {
        return experiment.orElseThrow(() -> new InvalidDescriptorException(source, problems));
    }
}
