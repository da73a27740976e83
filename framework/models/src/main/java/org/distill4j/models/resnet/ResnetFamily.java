package org.distill4j.models.resnet;

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
 * CIFAR ResNet (He et al. 2016, in the form of RepDistiller's resnet8 ... resnet110): a 3x3 stem and three stages
 * of basic blocks, the first block of stages 2 and 3 with stride 2, projection shortcuts (1x1 convolution and
 * batch norm, "option B") wherever the stride or the width changes. Convolutions have no bias.
 *
 * <p>Vertices: {@code stem.conv}, {@code stem.bn}, {@code stem.relu}; per stage s = 1..3 and block b = 1..n:
 * {@code stage{s}.block{b}.conv1}, {@code .bn1}, {@code .relu1}, {@code .conv2}, {@code .bn2},
 * {@code .shortcut.conv} and {@code .shortcut.bn} (projection only), {@code .add}, {@code .relu2} (the block
 * output); {@code stage{s}.output} (identity on the stage's last block output, so taps need not know the depth);
 * {@code pool} (global average); {@code logits}.
 *
 * <p>Default {@code initialisation} ({@link org.distill4j.api.network.Initialisation}): kaiming-normal-fan-out, as HobbitLong/RepDistiller {@code models/resnet.py}.
 */
public final class ResnetFamily implements ModelFamily {

    public static final String NAME = "resnet";

    private final ResnetParams parameters;

    @Inject
    public ResnetFamily(ResnetParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        ParameterChecks.classes(NAME, classes);
        SpecBuilder spec = new SpecBuilder(NAME, input, parameters.initialisation());
        int channels = parameters.widths().get(0);
        spec.convolution("stem.conv", channels, 3, 1, false).batchNorm("stem.bn").relu("stem.relu");
        for (int stage = 1; stage <= ResnetParams.STAGES; stage++) {
            int width = parameters.widths().get(stage - 1);
            for (int block = 1; block <= parameters.blocksPerStage(); block++) {
                int stride = stage > 1 && block == 1 ? 2 : 1;
                addBlock(spec, "stage" + stage + ".block" + block, channels, width, stride);
                channels = width;
            }
            spec.identity("stage" + stage + ".output");
        }
        return spec.globalAvgPool("pool").dense(NetworkSpec.LOGITS, classes, true).build();
    }

    private static void addBlock(SpecBuilder spec, String block, int inChannels, int width, int stride) {
        String blockInput = spec.last();
        spec.convolution(block + ".conv1", width, 3, stride, false).batchNorm(block + ".bn1").relu(block + ".relu1")
                .convolution(block + ".conv2", width, 3, 1, false).batchNorm(block + ".bn2");
        String residual = spec.last();
        String shortcut = blockInput;
        if (stride != 1 || inChannels != width) {
            spec.append(SpecBuilder.convolutionFrom(block + ".shortcut.conv", blockInput, width, 1, stride, false))
                    .batchNorm(block + ".shortcut.bn");
            shortcut = spec.last();
        }
        spec.append(new NodeSpec.Add(block + ".add", List.of(residual, shortcut))).relu(block + ".relu2");
    }
}
