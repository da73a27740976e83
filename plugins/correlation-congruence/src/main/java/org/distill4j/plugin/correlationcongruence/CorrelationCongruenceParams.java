package org.distill4j.plugin.correlationcongruence;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code correlation-congruence}. Defaults, each from the code its mode follows: the {@code pool} tap of
 * both networks (RepDistiller {@code helper/loops.py} lines 162-165, AberHu/Knowledge-Distillation-Zoo
 * {@code train_kd.py} lines 389-390); in code mode 128-wide linear embeddings (RepDistiller {@code train_student.py}
 * lines 81 and 211-218) and beta = 0.02 (RepDistiller {@code scripts/run_cifar_distill.sh} line 13); in paper mode no
 * embedding, beta = 1, gamma = 0.4 and P = 2 (AberHu {@code train_kd.py} lines 56, 62 and 63).
 */
public record CorrelationCongruenceParams(
        @Parameter(description = "student vertex whose embeddings are correlated (a vector, or a feature map"
                + " flattened per sample)", defaultValue = "pool") String student,
        @Parameter(description = "teacher vertex; the student's vertex name when left out",
                defaultValue = Parameter.ABSENT) String teacher,
        @Parameter(description = "code (RepDistiller's CC.py: products of neighbouring samples' |e_s - e_t|) or paper"
                + " (mean squared difference of Taylor-expanded Gaussian kernel matrices)", defaultValue = "code")
        CorrelationCongruenceMode mode,
        @Parameter(description = "weight beta of the CC term; left out: 0.02 in code mode (RepDistiller), 1 in paper"
                + " mode", defaultValue = Parameter.ABSENT) @Range(min = 0, minExclusive = true) Double beta,
        @Parameter(description = "width of the trainable linear embeddings put on both taps (RepDistiller's"
                + " LinearEmbed), 0 for none (the taps themselves); left out: 128 in code mode (RepDistiller), 0 in"
                + " paper mode", defaultValue = Parameter.ABSENT) @Range(min = 0) Integer embeddingSize,
        @Parameter(description = "gamma of the Gaussian kernel exp(-gamma |x - y|^2) (paper mode only)",
                defaultValue = "0.4") @Range(min = 0, minExclusive = true) double gamma,
        @Parameter(description = "order P of the kernel's Taylor expansion (paper mode only)", defaultValue = "2")
        @Range(min = 1, max = 20) int order) {

    /** RepDistiller's weight of the code-mode term, {@code -b 0.02} ({@code scripts/run_cifar_distill.sh} line 13). */
    static final double CODE_BETA = 0.02;

    /**
     * RepDistiller's embedding width, {@code --feat_dim} ({@code train_student.py} line 81). Paper mode follows
     * AberHu/Knowledge-Distillation-Zoo, which correlates the pooled features themselves ({@code train_kd.py} lines
     * 389-390), so it has none by default.
     */
    static final int CODE_EMBEDDING_SIZE = 128;

    /**
     * The paper-mode weight: AberHu/Knowledge-Distillation-Zoo's {@code --lambda_kd} default ({@code train_kd.py}
     * line 56), the one weight it gives every method unless told otherwise.
     */
    static final double PAPER_BETA = 1.0;

    public CorrelationCongruenceParams {
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
        if (mode == null) {
            throw new IllegalArgumentException("mode must be code or paper, got nothing");
        }
        if (beta == null) {
            beta = mode == CorrelationCongruenceMode.CODE ? CODE_BETA : PAPER_BETA;
        }
        if (embeddingSize == null) {
            embeddingSize = mode == CorrelationCongruenceMode.CODE ? CODE_EMBEDDING_SIZE : 0;
        }
    }

    /** RepDistiller's CC: the {@code pool} vertex of both networks, 128-wide embeddings, code mode, beta 0.02. */
    public CorrelationCongruenceParams() {
        this("pool", null, CorrelationCongruenceMode.CODE, null, null, 0.4, 2);
    }
}
