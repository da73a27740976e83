package org.distill4j.models.wrn;

import jakarta.inject.Inject;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.ParameterChecks;
import org.distill4j.models.SpecBuilder;

import java.util.List;
import java.util.Objects;

/**
 * Wide ResNet (Zagoruyko and Komodakis 2016) with pre-activation blocks, as in szagoruyko/attention-transfer: a 3x3
 * stem of 16 channels, three groups of widths 16k, 32k, 64k (the first block of groups 2 and 3 with stride 2), a
 * final batch norm and ReLU, global average pooling and the classifier. Convolutions have no bias.
 *
 * <p>A block is BN-ReLU-conv-BN-ReLU-(dropout)-conv; where the width or stride changes, the shortcut is a 1x1
 * convolution of the block's first ReLU output (not of the block input), as in the official code.
 *
 * <p>Vertices: {@code stem.conv}; per group s = 1..3 and block b = 1..n: {@code stage{s}.block{b}.bn1},
 * {@code .relu1}, {@code .conv1}, {@code .bn2}, {@code .relu2}, {@code .dropout} (only with dropout), {@code .conv2},
 * {@code .shortcut.conv} (projection only), {@code .add}; {@code stage{s}.output} (identity on the group's last
 * add: the attention-transfer tap, before the next BN-ReLU); {@code bn}, {@code relu}, {@code pool},
 * {@code logits}.
 *
 * <p>Default {@code initialisation} ({@link org.distill4j.api.network.Initialisation}): he-normal-fan-in-uniform-gamma, as szagoruyko/attention-transfer {@code utils.py} ({@code conv_params}, {@code linear_params}, {@code bnparams}).
 */
public final class WideResnetFamily implements ModelFamily {

    public static final String NAME = "wrn";

    private final WideResnetParams parameters;

    @Inject
    public WideResnetFamily(WideResnetParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        ParameterChecks.classes(NAME, classes);
        SpecBuilder spec = new SpecBuilder(NAME, input, parameters.initialisation());
        int channels = WideResnetParams.BASE_WIDTH;
        spec.convolution("stem.conv", channels, 3, 1, false);
        for (int group = 1; group <= WideResnetParams.GROUPS; group++) {
            int width = parameters.width(group);
            for (int block = 1; block <= parameters.blocksPerGroup(); block++) {
                int stride = group > 1 && block == 1 ? 2 : 1;
                addBlock(spec, "stage" + group + ".block" + block, channels, width, stride);
                channels = width;
            }
            spec.identity("stage" + group + ".output");
        }
        return spec.batchNorm("bn").relu("relu").globalAvgPool("pool").dense(NetworkSpec.LOGITS, classes, true).build();
    }

    private void addBlock(SpecBuilder spec, String block, int inChannels, int width, int stride) {
        String blockInput = spec.last();
        spec.batchNorm(block + ".bn1").relu(block + ".relu1");
        String activated = spec.last();
        spec.convolution(block + ".conv1", width, 3, stride, false).batchNorm(block + ".bn2").relu(block + ".relu2");
        if (parameters.dropout() > 0) {
            spec.dropout(block + ".dropout", parameters.dropout());
        }
        spec.convolution(block + ".conv2", width, 3, 1, false);
        String residual = spec.last();
        String shortcut = blockInput;
        if (stride != 1 || inChannels != width) {
            spec.append(SpecBuilder.convolutionFrom(block + ".shortcut.conv", activated, width, 1, stride, false));
            shortcut = spec.last();
        }
        spec.append(new NodeSpec.Add(block + ".add", List.of(residual, shortcut)));
    }
}
