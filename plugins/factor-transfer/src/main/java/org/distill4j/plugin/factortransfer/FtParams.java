package org.distill4j.plugin.factortransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code ft}. Taps default to the last stage's output of the resnet-like families (both references
 * transfer at the last group: the authors' {@code outputs[2]}, {@code train_student.py} lines 174-175; RepDistiller's
 * {@code feat[-2]}, {@code helper/loops.py} lines 178-179), beta to the mode's reference (500 for the authors' code,
 * {@code train_student.py} line 35; 200 for RepDistiller, {@code scripts/run_cifar_distill.sh} line 23), p1 and p2 to
 * RepDistiller's {@code FactorTransfer(p1=2, p2=1)} ({@code distiller_zoo/FT.py} line 9).
 */
public record FtParams(
        @Parameter(description = "the student's feature map the translator reads, e.g. stage3.output",
                defaultValue = "stage3.output") String student,
        @Parameter(description = "the teacher's feature map the paraphraser reads (as in ft-paraphraser); the"
                + " student's vertex name when left out", defaultValue = Parameter.ABSENT) String teacher,
        @Parameter(description = "paraphrase rate k, as in ft-paraphraser: round(k C_t) factor channels (floor in"
                + " repdistiller mode)", defaultValue = "0.5")
        @Range(min = 0, max = 1, minExclusive = true) double rate,
        @Parameter(description = "weight beta of the factor loss; 500 (authors' code) in authors mode and 200"
                + " (RepDistiller's script) in repdistiller mode when left out", defaultValue = Parameter.ABSENT)
        @Range(min = 0, minExclusive = true) Double beta,
        @Parameter(description = "repdistiller mode only: the factor map is mean_c |F|^p1", defaultValue = "2")
        @Range(min = 0, minExclusive = true) double p1,
        @Parameter(description = "the distance: mean over elements of |factor_s - factor_t|^p2 (1: the paper's and"
                + " both codes' L1)", defaultValue = "1")
        @Range(min = 1) double p2,
        @Parameter(description = "negative slope of the LeakyReLU after every convolution (paraphraser and"
                + " translator)", defaultValue = "0.1")
        @Range(min = 0, max = 1, maxExclusive = true) double slope,
        @Parameter(description = "authors (factor normalize(vec(F)), translator without batch norm; the authors'"
                + " code) or repdistiller (factor normalize(mean_c F^p1) with pooling to the smaller map, translator"
                + " with batch norm); use the same mode and rate as ft-paraphraser", defaultValue = "authors")
        FactorTransferMode mode) {

    public FtParams {
        student = FactorTransferChecks.vertex(student, "student", "the student's feature map, e.g. stage3.output");
        teacher = teacher == null ? student : FactorTransferChecks.vertex(teacher, "teacher",
                "the teacher's feature map, or leave it out for the student's vertex name");
        FactorTransferChecks.rate(rate);
        FactorTransferChecks.mode(mode);
        beta = beta == null ? mode.defaultBeta() : beta;
        if (!(beta > 0) || beta.isInfinite()) {
            throw new IllegalArgumentException("beta must be finite and > 0 (500 in the authors' code, 200 in"
                    + " RepDistiller's), got " + beta);
        }
        if (!(p1 > 0) || Double.isInfinite(p1)) {
            throw new IllegalArgumentException("p1 must be finite and > 0 (RepDistiller uses 2), got " + p1);
        }
        if (!(p2 >= 1) || Double.isInfinite(p2)) {
            throw new IllegalArgumentException("p2 must be finite and >= 1 (1, the L1 distance, in both references),"
                    + " got " + p2);
        }
        FactorTransferChecks.slope(slope);
    }

    /** The authors' settings between two vertices of the same name. */
    public FtParams(String vertex) {
        this(vertex, null, 0.5, null, 2, 1, 0.1, FactorTransferMode.AUTHORS);
    }
}
