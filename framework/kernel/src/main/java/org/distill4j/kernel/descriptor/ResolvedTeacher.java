package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The {@code teacher} section after its rules were checked and, for an experiment teacher, its descriptor parsed.
 *
 * @param choice    where the teacher comes from
 * @param canonical the section in canonical form: {@code {experiment: <id>, hash: <full hash>, seed: same|n}} or
 *                  {@code {file: <as written>, sha256: <hex>}}
 */
record ResolvedTeacher(TeacherChoice choice, ObjectNode canonical) {

    ResolvedTeacher {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(canonical, "canonical");
    }
}
