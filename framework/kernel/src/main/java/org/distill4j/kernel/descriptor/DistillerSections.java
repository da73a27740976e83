package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A descriptor, and each of its stages, has exactly one of {@code distiller} (one) and {@code distillers} (a
 * non-empty list); a descriptor whose student is a compressed teacher may leave out both, with its training.
 */
final class DistillerSections {

    static final String ONE = "distiller";
    static final String MANY = "distillers";
    static final String STAGES = "stages";

    /** The problems of the descriptor's own distiller sections and of each of its {@code stages}. */
    static List<Problem> check(ObjectNode root) {
        // A compressed student without training (evaluated as compressed, or after its aligner) has no distillers.
        boolean untrainedCompression = TrainingSection.compresses(root) && !present(root.get(TrainingSection.KEY))
                && !present(root.get(ONE)) && !present(root.get(MANY));
        List<Problem> problems = new ArrayList<>(untrainedCompression ? List.of() : check(root, ""));
        JsonNode stages = root.get(STAGES);
        if (stages != null && stages.isArray()) {
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).isObject()) {
                    problems.addAll(check(stages.get(i), STAGES + "[" + i + "]."));
                }
            }
        }
        return problems;
    }

    private static List<Problem> check(JsonNode root, String prefix) {
        boolean one = present(root.get(ONE));
        boolean many = present(root.get(MANY));
        List<Problem> problems = new ArrayList<>();
        if (one && many) {
            problems.add(new Problem(prefix + MANY, "give either 'distiller' (one distiller) or 'distillers' (a list whose"
                    + " losses are summed), not both"));
        } else if (!one && !many) {
            problems.add(new Problem(prefix + ONE, "missing required key 'distiller' (one distiller: {name, params, weight})"
                    + " or 'distillers' (a list of them, whose weighted losses are summed)"));
        } else if (many && root.get(MANY).isArray() && root.get(MANY).isEmpty()) {
            problems.add(new Problem(prefix + MANY, "expected at least one distiller"));
        }
        return problems;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private DistillerSections() {
    }
}
