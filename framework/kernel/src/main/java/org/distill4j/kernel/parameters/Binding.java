package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of binding a tree to a record: the record, and every problem found on the way.
 *
 * <p>Unknown keys are reported but do not stop the record being built from its known keys, so a caller that
 * collects problems can go on checking what depends on the record ({@link #bestEffortValue()}); a caller that needs
 * a valid record uses {@link #value()} or {@link #orElseThrow()}.
 *
 * @param <R> the record type
 */
public final class Binding<R extends Record> {

    private final Optional<R> built;
    private final List<Problem> problems;
    private final List<WrittenText> writtenTexts;

    Binding(Optional<R> built, List<Problem> problems, List<WrittenText> writtenTexts) {
        this.built = Objects.requireNonNull(built, "built");
        this.problems = List.copyOf(problems);
        this.writtenTexts = List.copyOf(writtenTexts);
    }

    /** Whether the tree bound without any problem. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The record, present only when the tree bound without any problem. */
    public Optional<R> value() {
        return isValid() ? built : Optional.empty();
    }

    /** The record, present whenever it could be built, even if unknown keys were reported. */
    public Optional<R> bestEffortValue() {
        return built;
    }

    /** Every problem, in the order of the record's components. */
    public List<Problem> problems() {
        return problems;
    }

    /** The valid record, or an {@link IllegalArgumentException} that lists every problem. */
    public R orElseThrow() {
        if (!isValid()) {
            throw new IllegalArgumentException(problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("\n  ", problems.size() + " problem(s):\n  ", "")));
        }
        return built.orElseThrow();
    }

    /**
     * The bound record as a tree, like {@link ParameterBinder#toTree}, except that path parameters keep the text the
     * descriptor wrote (before {@code ${ENV}} expansion and resolution). This is the form identities are hashed from.
     *
     * @throws IllegalStateException when the record could not be built
     */
    public ObjectNode canonicalTree() {
        R value = built.orElseThrow(() -> new IllegalStateException("the record could not be bound: " + problems));
        ObjectNode tree = RecordTrees.toTree(value);
        for (WrittenText written : writtenTexts) {
            RecordTrees.replace(tree, written.segments(), written.text());
        }
        return tree;
    }
}
