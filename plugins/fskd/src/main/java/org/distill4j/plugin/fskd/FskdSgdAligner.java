package org.distill4j.plugin.fskd;

import jakarta.inject.Inject;
import org.distill4j.api.Aligner;
import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.network.Network;

import java.util.Objects;

/** {@code fskd-sgd}: The paper's comparison with its own block-coordinate solver: every Q_j (initialised to the identity) trained jointly by SGD on the sum of the block L2 losses, the rest of the folded student frozen, then merged; no labels. */
public final class FskdSgdAligner implements Aligner {

    private final FskdSgdParams params;

    @Inject
    public FskdSgdAligner(FskdSgdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public int samples() {
        return params.samples();
    }

    @Override
    public Alignment align(Network teacher, Compression student, CompressionContext context) {
        return FewSampleAlignment.run(FewSampleMethod.FSKD_SGD, params.settings(), teacher, student, context);
    }
}
