package org.distill4j.plugin.factortransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code ft-paraphraser}. The tap defaults to the last stage's output of the resnet-like families (the
 * teacher's last group in the authors' code, {@code outputs[2]} of {@code train_Paraphraser.py} line 126; RepDistiller's
 * {@code feat_t[-2]}, {@code helper/pretrain.py} line 69); rate, slope and mode to the authors' code.
 */
public record FtParaphraserParams(
        @Parameter(description = "the teacher's feature map the paraphraser reconstructs, e.g. stage3.output",
                defaultValue = "stage3.output") String teacher,
        @Parameter(description = "paraphrase rate k: the factor has round(k C) channels (floor in repdistiller"
                + " mode) for a teacher map of C channels", defaultValue = "0.5")
        @Range(min = 0, max = 1, minExclusive = true) double rate,
        @Parameter(description = "negative slope of the LeakyReLU after every convolution", defaultValue = "0.1")
        @Range(min = 0, max = 1, maxExclusive = true) double slope,
        @Parameter(description = "authors (L1 reconstruction loss, round(k C) channels; the authors' code) or"
                + " repdistiller (MSE reconstruction loss, floor(k C) channels); use the same mode and rate in ft",
                defaultValue = "authors") FactorTransferMode mode) {

    public FtParaphraserParams {
        teacher = FactorTransferChecks.vertex(teacher, "teacher", "the teacher's feature map, e.g. stage3.output");
        FactorTransferChecks.rate(rate);
        FactorTransferChecks.slope(slope);
        FactorTransferChecks.mode(mode);
    }

    /** The authors' settings at the given teacher vertex. */
    public FtParaphraserParams(String teacher) {
        this(teacher, 0.5, 0.1, FactorTransferMode.AUTHORS);
    }
}
