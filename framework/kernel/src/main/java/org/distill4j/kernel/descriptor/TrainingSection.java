package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;

import java.util.List;

/**
 * {@code training} is required, except for a student that is a compressed teacher: that one may be evaluated as the
 * compressor (and aligner) leave it, and is fine-tuned only when {@code training} and a distiller are given.
 * Checked on the tree after binding, so that the problem appears where the binder reports missing keys.
 */
final class TrainingSection {

    static final String KEY = "training";
    private static final String STUDENT = "student";
    private static final String COMPRESSOR = "compressor";

    static List<Problem> check(ObjectNode root) {
        if (DistillerSections.present(root.get(KEY))) {
            return List.of();
        }
        if (!compresses(root)) {
            return List.of(new Problem(KEY, "missing required key 'training' (map): how the student is trained"));
        }
        if (DistillerSections.present(root.get(DistillerSections.ONE))
                || DistillerSections.present(root.get(DistillerSections.MANY))) {
            return List.of(new Problem(KEY, "the distillers fine-tune the compressed student, which needs 'training'"
                    + " (epochs, optimizer, ...); add it, or remove the distillers to evaluate the student as the"
                    + " compressor and aligner leave it"));
        }
        JsonNode stages = root.get(DistillerSections.STAGES);
        if (stages != null && stages.isArray() && !stages.isEmpty()) {
            return List.of(new Problem(DistillerSections.STAGES, "stages train the compressed student before its"
                    + " 'training', which is missing; add 'training' and a distiller, or remove the stages"));
        }
        return List.of();
    }

    /** Whether the descriptor's student is a compressed teacher. */
    static boolean compresses(JsonNode root) {
        JsonNode student = root.get(STUDENT);
        return student != null && student.isObject() && DistillerSections.present(student.get(COMPRESSOR));
    }

    private TrainingSection() {
    }
}
