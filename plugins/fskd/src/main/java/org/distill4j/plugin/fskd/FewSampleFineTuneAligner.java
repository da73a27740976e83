package org.distill4j.plugin.fskd;

import jakarta.inject.Inject;
import org.distill4j.api.Aligner;
import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.network.Network;

import java.util.Objects;

/** {@code few-sample-fine-tune}: The fine-tuning baseline of the paper's tables: every weight of the folded student trained by SGD on softmax cross-entropy with the N images' labels. */
public final class FewSampleFineTuneAligner implements Aligner {

    private final FewSampleFineTuneParams params;

    @Inject
    public FewSampleFineTuneAligner(FewSampleFineTuneParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public int samples() {
        return params.samples();
    }

    @Override
    public Alignment align(Network teacher, Compression student, CompressionContext context) {
        return FewSampleAlignment.run(FewSampleMethod.FINE_TUNE, params.settings(), teacher, student, context);
    }
}
