package org.distill4j.plugin.fskd;

import jakarta.inject.Inject;
import org.distill4j.api.Aligner;
import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.network.Network;

import java.util.Objects;

/** {@code few-sample-fitnet}: The FitNet baseline of the paper's tables: every weight of the folded student trained by SGD on the block L2 losses at the FSKD taps (no Q), on the same N images; no labels. */
public final class FewSampleFitnetAligner implements Aligner {

    private final FewSampleFitnetParams params;

    @Inject
    public FewSampleFitnetAligner(FewSampleFitnetParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public int samples() {
        return params.samples();
    }

    @Override
    public Alignment align(Network teacher, Compression student, CompressionContext context) {
        return FewSampleAlignment.run(FewSampleMethod.FITNET, params.settings(), teacher, student, context);
    }
}
