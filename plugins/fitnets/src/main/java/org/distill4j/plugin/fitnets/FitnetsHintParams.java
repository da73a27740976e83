package org.distill4j.plugin.fitnets;

import org.distill4j.api.Parameter;

/**
 * Parameters of {@code fitnets-hint}. The taps default to RepDistiller's hint position (the output of the second of
 * three stages, the "middle" layer the paper asks for), the teacher's vertex to the student's name, and the
 * reduction to the paper's, which the two-stage training uses.
 */
public record FitnetsHintParams(
        @Parameter(description = "the student's guided vertex v_g, e.g. stage2.output", defaultValue = "stage2.output")
        String student,
        @Parameter(description = "the teacher's hint vertex u_h; the student's vertex name when left out",
                defaultValue = Parameter.ABSENT) String teacher,
        @Parameter(description = "regressor r: conv (the paper's linear convolution of kernel (Hs-Ht+1)x(Ws-Wt+1),"
                + " no padding, student channels to teacher channels; a dense map between vectors) or conv-bn-relu"
                + " (RepDistiller's ConvReg: that convolution, then training-mode batch norm and ReLU; feature maps)",
                defaultValue = "conv") HintRegressor regressor,
        @Parameter(description = "reduction: paper (1/2 sum over elements per sample, mean over the batch;"
                + " HintCost, two-stage training) or code (mean over every element; RepDistiller, used with weight"
                + " 100 beside cross-entropy)", defaultValue = "paper") HintReduction reduction) {

    public FitnetsHintParams {
        student = vertex(student, "student", "the student's guided vertex, e.g. stage2.output");
        teacher = teacher == null ? student : vertex(teacher, "teacher", "the teacher's hint vertex, or leave it"
                + " out for the student's vertex name");
        if (regressor == null) {
            throw new IllegalArgumentException("regressor must be conv or conv-bn-relu, got nothing");
        }
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must be paper or code, got nothing");
        }
    }

    /** The paper's form between two vertices of the same name in both networks. */
    public FitnetsHintParams(String vertex) {
        this(vertex, null, HintRegressor.CONV, HintReduction.PAPER);
    }

    private static String vertex(String name, String key, String expected) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(key + " must name " + expected + ", got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }
}
