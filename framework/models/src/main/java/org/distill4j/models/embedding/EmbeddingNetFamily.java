package org.distill4j.models.embedding;

import jakarta.inject.Inject;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.ParameterChecks;
import org.distill4j.models.SpecBuilder;

import java.util.Objects;

/**
 * A small convolutional embedding network for metric learning, the scaled-down stand-in for DarkRank's
 * Inception-BN / NIN-BN re-identification nets: stages of 3x3 convolutions with batch norm and ReLU, 2x2 max pooling
 * between stages, global average pooling, then two heads on the pooled feature: a linear embedding scaled to unit
 * length, and the logits of the training classes (DarkRank puts its classification loss on the pooled feature and its
 * verification and transfer losses on the normalised embedding).
 *
 * <p>Vertices: {@code stage{s}.conv{c}}, {@code stage{s}.bn{c}}, {@code stage{s}.relu{c}},
 * {@code stage{s}.output} (the stage's last activation), {@code pool{s}} between stages, {@code pool} (global
 * average), {@code embedding.linear} (before normalisation), {@code embedding} (unit length) and {@code logits}.
 *
 * <p>Default {@code initialisation} ({@link org.distill4j.api.network.Initialisation}): torch-default: DarkRank published no code.
 */
public final class EmbeddingNetFamily implements ModelFamily {

    public static final String NAME = "embedding-net";

    /** The unit-length embedding, the vertex retrieval and the DarkRank losses read. */
    public static final String EMBEDDING = "embedding";

    private final EmbeddingNetParams parameters;

    @Inject
    public EmbeddingNetFamily(EmbeddingNetParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        ParameterChecks.classes(NAME, classes);
        SpecBuilder spec = new SpecBuilder(NAME, input, parameters.initialisation());
        int stages = parameters.widths().size();
        for (int stage = 1; stage <= stages; stage++) {
            for (int convolution = 1; convolution <= parameters.convolutionsPerStage(); convolution++) {
                String prefix = "stage" + stage + ".";
                spec.convolution(prefix + "conv" + convolution, parameters.widths().get(stage - 1), 3, 1, false);
                spec.batchNorm(prefix + "bn" + convolution);
                spec.relu(prefix + "relu" + convolution);
            }
            spec.identity("stage" + stage + ".output");
            if (stage < stages) {
                spec.maxPool("pool" + stage, 2, 2);
            }
        }
        spec.globalAvgPool("pool");
        spec.dense("embedding.linear", parameters.embeddingSize(), true);
        spec.append(new NodeSpec.L2Normalize(EMBEDDING, "embedding.linear"));
        spec.append(new NodeSpec.Dense(NetworkSpec.LOGITS, "pool", classes, true));
        return spec.build();
    }
}
