package org.distill4j.plugin.probabilistictransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code pkt}. The taps default to {@code pool}, the pooled penultimate features of the resnet and wrn
 * families, which is what RepDistiller transfers ({@code feat[-1]}, {@code helper/loops.py} lines 153-156); the weight
 * is RepDistiller's ({@code -b 30000}, {@code scripts/run_cifar_distill.sh} line 19).
 */
public record ProbabilisticTransferParams(
        @Parameter(description = "student vertex whose samples' similarities are transferred (a vector, or a feature"
                + " map flattened per sample)", defaultValue = "pool") String student,
        @Parameter(description = "teacher vertex; the student's vertex name when left out",
                defaultValue = Parameter.ABSENT) String teacher,
        @Parameter(description = "weight beta of the PKT term", defaultValue = "30000")
        @Range(min = 0, minExclusive = true) double beta) {

    public ProbabilisticTransferParams {
        if (student == null || student.isBlank()) {
            throw new IllegalArgumentException("student must name the student's vertex, e.g. pool, got "
                    + (student == null ? "nothing" : "'" + student + "'"));
        }
        if (teacher == null) {
            teacher = student;
        } else if (teacher.isBlank()) {
            throw new IllegalArgumentException("teacher must name the teacher's vertex, or leave it out for the"
                    + " student's vertex name, got '" + teacher + "'");
        }
    }

    /** The defaults: the {@code pool} vertex of both networks, beta = 30000. */
    public ProbabilisticTransferParams() {
        this("pool", null, 30000);
    }
}
